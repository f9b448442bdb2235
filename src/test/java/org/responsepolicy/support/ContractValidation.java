package org.responsepolicy.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

/**
 * Validates every response a test receives against api-spec/openapi.yaml, so code and contract cannot
 * drift. Requests are not validated: the tests send invalid requests on purpose.
 */
public final class ContractValidation {

    public static final String SPEC = "api-spec/openapi.yaml";

    public static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForSpecificationUrl(SPEC)
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    public static final OpenApiValidationFilter FILTER = new OpenApiValidationFilter(VALIDATOR);

    private ContractValidation() {
    }
}
