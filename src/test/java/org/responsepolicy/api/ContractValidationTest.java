package org.responsepolicy.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.Test;
import org.responsepolicy.support.ContractValidation;

/** The contract check in the integration tests must be able to fail: a wrong response is caught. */
class ContractValidationTest {

    private static ValidationReport validate(int status, String contentType, String body) {
        return ContractValidation.VALIDATOR.validateResponse("/health", Request.Method.GET,
                SimpleResponse.Builder.status(status).withContentType(contentType).withBody(body).build());
    }

    @Test
    void acceptsAResponseThatMatchesTheContract() {
        ValidationReport report = validate(200, "application/json",
                "{\"status\":\"UP\",\"rulesetVersion\":\"abc\",\"database\":\"UP\"}");
        assertFalse(report.hasErrors(), report.toString());
    }

    @Test
    void catchesAMissingRequiredField() {
        assertTrue(validate(200, "application/json", "{\"status\":\"UP\"}").hasErrors());
    }

    @Test
    void catchesAFieldTheContractDoesNotDescribe() {
        assertTrue(validate(200, "application/json",
                "{\"status\":\"UP\",\"rulesetVersion\":\"abc\",\"database\":\"UP\",\"debug\":true}").hasErrors());
    }

    @Test
    void catchesADecisionWithAnUnknownActionType() {
        ValidationReport report = ContractValidation.VALIDATOR.validateResponse("/v1/decisions/x", Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json").withBody("""
                        {"decisionId":"x","mentionId":"m","brand":"b","rulesetVersion":"v",
                         "evaluatedAt":"2026-11-23T10:00:00Z","maskedText":"t",
                         "analysis":{"language":"en","sentiment":{"label":"neutral","score":0,"confidence":0.5,"source":"detected"},
                                     "personalData":[],"topics":[],"intents":[]},
                         "actions":[{"type":"CALL_THE_CEO","priority":"P1","queue":"social-care","requiresApproval":false,
                                     "reasons":[{"policy":"p","rule":"r","description":"d","evidence":[]}]}]}
                        """).build());
        assertTrue(report.hasErrors(), "an action type outside the contract must be caught");
    }
}
