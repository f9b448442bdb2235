package org.responsepolicy.api;

import java.util.List;

/** A request the API refuses, with the stable code and status of the problem it answers with. */
final class ApiException extends RuntimeException {

    final int status;
    final String code;
    final String title;
    final List<Problem.FieldError> errors;
    private List<org.responsepolicy.engine.RuleProblem> ruleProblems;

    ApiException(int status, String code, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    ApiException(int status, String code, String title, String detail) {
        this(status, code, title, detail, null);
    }

    Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_PREFIX + code, title, status, getMessage(), code, instance, errors, null,
                ruleProblems);
    }

    ApiException withRuleProblems(List<org.responsepolicy.engine.RuleProblem> problems) {
        this.ruleProblems = List.copyOf(problems);
        return this;
    }

    static ApiException invalidMention(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? "The mention is invalid: " + errors.get(0).field() + " " + errors.get(0).message() + "."
                : "The mention has " + errors.size() + " invalid fields; see 'errors'.";
        return new ApiException(400, "invalid_mention", "Invalid mention", detail, errors);
    }
}
