package org.responsepolicy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.responsepolicy.analysis.PersonalDataMasking;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}).
 *
 * @param type    stable URI naming the kind of problem; {@code code} is its last segment
 * @param errors  one entry per invalid field, when the input had field errors
 * @param errorId for server errors only: quote it when reporting; the log has the details
 * @param ruleProblems for rejected rule changes: every problem, with file and line
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String instance,
                      List<FieldError> errors, String errorId, List<org.responsepolicy.engine.RuleProblem> ruleProblems) {

    public Problem(String type, String title, int status, String detail, String code, String instance,
                   List<FieldError> errors, String errorId) {
        this(type, title, status, detail, code, instance, errors, errorId, null);
    }

    /**
     * The same problem with personal data masked wherever a request's values may be echoed (detail, instance,
     * field messages): an error answer must not carry a card number back out, nor into a proxy's log.
     */
    Problem masked() {
        List<FieldError> maskedErrors = errors == null ? null : errors.stream()
                .map(e -> new FieldError(PersonalDataMasking.mask(e.field()), PersonalDataMasking.mask(e.message())))
                .toList();
        return new Problem(type, title, status, PersonalDataMasking.mask(detail), code,
                PersonalDataMasking.mask(instance), maskedErrors, errorId, ruleProblems);
    }

    public static final String TYPE_PREFIX = "urn:response-policy:problem:";

    /** @param field JSON path of the field, e.g. {@code author.followers} or {@code mentions[3].text} */
    public record FieldError(String field, String message) {
    }
}
