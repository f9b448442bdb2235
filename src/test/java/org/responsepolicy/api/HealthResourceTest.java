package org.responsepolicy.api;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.junit.jupiter.api.Test;
import org.responsepolicy.app.Json;
import org.responsepolicy.ruleset.ActiveRuleSet;
import org.responsepolicy.support.BundledRules;
import org.responsepolicy.support.ContractValidation;

/** The API with a decision store that does not answer. */
class HealthResourceTest {

    @Test
    void reportsDownWith503WhenTheDatabaseDoesNotAnswer() {
        ApiDependencies unreachableStore = new ApiDependencies(null, null, new ActiveRuleSet(BundledRules.get()), () -> false, null, null, null, java.time.Clock.systemUTC(), null, null, null, null, new org.responsepolicy.metrics.Metrics(), null);
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
                ApiApplication.resourceConfig(unreachableStore, Json.newMapper()));
        try {
            int port = server.getListeners().iterator().next().getPort();
            RestAssured.given().port(port).filter(ContractValidation.FILTER).get("/health").then()
                    .statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("database", equalTo("DOWN"))
                    .body("rulesetVersion", equalTo(BundledRules.get().version()));
        } finally {
            server.shutdownNow();
        }
    }
}
