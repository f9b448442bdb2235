package org.responsepolicy.api;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.responsepolicy.support.TestServer;

/** The real server on a free port with the bundled rules and embedded H2; every response checked against the spec. */
class MentionsIntegrationTest {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withH2();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String newId() {
        return "it-" + UUID.randomUUID();
    }

    private static ValidatableResponse evaluate(Map<String, Object> mention) {
        return server.request().contentType(ContentType.JSON).body(mention)
                .post("/v1/mentions/evaluate").then();
    }

    private static Map<String, Object> mention(String text) {
        return Map.of("id", newId(), "brand", "acme-bank", "channel", "twitter", "text", text,
                "author", Map.of("handle", "kasia_w", "displayName", "Kasia Wiśniewska", "followers", 340));
    }

    private static JsonPath evaluated(String text) {
        return evaluate(mention(text)).statusCode(200).extract().jsonPath();
    }

    // ---- policies, in English and Polish ----

    @Test
    void respondsPubliclyToNegativeMentionInEnglish() {
        JsonPath d = evaluated("Your app has been useless for two days. Terrible service, nobody answers.");
        assertEquals("negative", d.getString("analysis.sentiment.label"));
        assertEquals("en", d.getString("analysis.language"));
        Map<String, Object> reply = action(d, "RESPOND_PUBLICLY");
        assertEquals("social-care", reply.get("queue"));
        assertEquals("en", d.getString("actions.find { it.type == 'RESPOND_PUBLICLY' }.suggestedReply.language"));
        assertEquals("respond-to-negatives", d.getString("actions.find { it.type == 'RESPOND_PUBLICLY' }.reasons[0].policy"));
        assertFalse(d.getList("actions.type").contains("NO_ACTION"));
    }

    @Test
    void respondsPubliclyToNegativeMentionInPolish() {
        JsonPath d = evaluated("Nie polecam, aplikacja znowu nie działa, skandal!");
        assertEquals("pl", d.getString("analysis.language"));
        assertEquals("negative", d.getString("analysis.sentiment.label"));
        action(d, "RESPOND_PUBLICLY");
        assertEquals("pl", d.getString("actions.find { it.type == 'RESPOND_PUBLICLY' }.suggestedReply.language"));
        assertFalse(d.getList("actions.type").contains("NO_ACTION"));
    }

    @Test
    void neverAnswersANegativeWithNoActionEvenWhenCallerSaysSo() {
        Map<String, Object> m = new java.util.HashMap<>(mention("Hmm, ok."));
        m.put("sentiment", Map.of("label", "negative", "score", -0.3));
        JsonPath d = evaluate(m).statusCode(200).extract().jsonPath();
        assertEquals("caller", d.getString("analysis.sentiment.source"));
        action(d, "RESPOND_PUBLICLY");
    }

    @Test
    void thanksBrandAdvocatesInEnglishAndPolishByName() {
        JsonPath en = evaluated("Thank you for the quick help yesterday, great service!");
        Map<String, Object> thanks = action(en, "THANK");
        assertEquals("P4", thanks.get("priority"));
        assertEquals("thank-advocates", en.getString("actions.find { it.type == 'THANK' }.reasons[0].policy"));
        assertFalse(en.getList("actions.type").contains("RESPOND_PUBLICLY"));

        JsonPath pl = evaluated("Dziękuję za szybką pomoc, świetna obsługa, polecam!");
        action(pl, "THANK");
        String text = pl.getString("actions.find { it.type == 'THANK' }.suggestedReply.text");
        assertEquals("pl", pl.getString("actions.find { it.type == 'THANK' }.suggestedReply.language"));
        assertEquals(true, text.contains("Kasia"), text);
    }

    @Test
    void escalatesInvestmentAdviceInEnglishToComplianceAndHoldsPublicReply() {
        JsonPath d = evaluated("Should I invest my savings in your new investment fund? Is it a good idea?");
        assertEquals("compliance", action(d, "ESCALATE").get("queue"));
        assertEquals(true, action(d, "RESPOND_PUBLICLY").get("requiresApproval"));
        assertEquals(true, d.getBoolean("analysis.topics.find { it.id == 'investment_advice' }.regulated"));
    }

    @Test
    void escalatesSwissFrancMortgageInPolishWithInflectedForm() {
        JsonPath d = evaluated("Czy mogę przewalutować mój kredyt we frankach? Rata kredytu znowu wzrosła.");
        assertEquals("compliance", action(d, "ESCALATE").get("queue"));
        List<String> topics = d.getList("analysis.topics.id");
        assertEquals(true, topics.contains("credit"), topics.toString());
        assertEquals("escalate-regulated", d.getString("actions.find { it.type == 'ESCALATE' }.reasons[0].policy"));
        assertFalse(d.getList("actions.find { it.type == 'ESCALATE' }.reasons[0].evidence").isEmpty());
    }

    @Test
    void sendsFraudAndPhishingToTheFraudQueue() {
        JsonPath en = evaluated("I got a fake SMS with a link asking for my login, is this phishing?");
        assertEquals("P1", actionInQueue(en, "ESCALATE", "fraud").get("priority"));
        JsonPath pl = evaluated("Dostałem fałszywy SMS, ktoś się podszywa pod bank, to oszustwo!");
        actionInQueue(pl, "ESCALATE", "fraud");
    }

    @Test
    void movesToPrivateAndHidesPublicPostWithCardNumber() {
        JsonPath d = evaluated("My card 4111 1111 1111 1111 was charged twice, fix it now!");
        action(d, "MOVE_TO_PRIVATE");
        action(d, "HIDE_PUBLIC_POST");
        assertEquals("payment_card", d.getString("analysis.personalData[0].type"));
        assertFalse(d.getString("maskedText").contains("4111 1111 1111 1111"));
        String publicReply = d.getString("actions.find { it.type == 'RESPOND_PUBLICLY' }.suggestedReply.text");
        assertFalse(publicReply.replaceAll("\\D", "").contains("1111"), publicReply);
        assertEquals("reply.go-private", d.getString("actions.find { it.type == 'RESPOND_PUBLICLY' }.suggestedReply.templateId"));
    }

    @Test
    void movesToPrivateForPolishIbanAndPhone() {
        JsonPath d = evaluated("Przelew na PL61 1090 1014 0000 0712 1981 2874 nie doszedł, dzwońcie +48 601 234 567");
        List<String> types = d.getList("analysis.personalData.type");
        assertEquals(true, types.containsAll(List.of("iban", "phone")), types.toString());
        action(d, "MOVE_TO_PRIVATE");
        action(d, "HIDE_PUBLIC_POST");
        assertFalse(d.getString("maskedText").contains("601 234 567"));
    }

    @Test
    void movesAccountProblemToPrivateWithoutHidingPost() {
        JsonPath d = evaluated("Zablokowali mi kartę i nie wiem dlaczego");
        action(d, "MOVE_TO_PRIVATE");
        assertFalse(d.getList("actions.type").contains("HIDE_PUBLIC_POST"));
    }

    @Test
    void doesNotHidePrivateMessagesWithPersonalData() {
        Map<String, Object> m = new java.util.HashMap<>(mention("My card is 4111 1111 1111 1111, please check it"));
        m.put("visibility", "private");
        JsonPath d = evaluate(m).statusCode(200).extract().jsonPath();
        assertFalse(d.getList("actions.type").contains("HIDE_PUBLIC_POST"));
        assertFalse(d.getString("maskedText").contains("4111 1111 1111 1111"));
    }

    @Test
    void forwardsSuggestionsToProductInEnglishAndPolish() {
        JsonPath en = evaluated("It would be great if you could add Apple Pay support for business cards.");
        assertEquals("product", action(en, "FORWARD_TO_PRODUCT").get("queue"));
        action(en, "THANK");
        JsonPath pl = evaluated("Fajnie by było, gdybyście dodali ciemny motyw w aplikacji.");
        assertEquals("product", action(pl, "FORWARD_TO_PRODUCT").get("queue"));
    }

    @Test
    void recommendsNoActionForNeutralNewsWithAReason() {
        JsonPath d = evaluated("Acme Bank opened a new branch on Main Street today.");
        assertEquals(List.of("NO_ACTION"), d.getList("actions.type"));
        assertEquals("no-action", d.getString("actions[0].reasons[0].policy"));
    }

    @Test
    void everyActionHasAReasonWithPolicyRuleAndDescription() {
        JsonPath d = evaluated("Scandal! My card 5500 0000 0000 0004 got blocked, is this fraud? Add 2FA please.");
        evaluate(mention("x")).statusCode(200);
        List<Map<String, Object>> actions = d.getList("actions");
        for (Map<String, Object> a : actions) {
            List<Map<String, Object>> reasons = (List<Map<String, Object>>) a.get("reasons");
            assertFalse(reasons.isEmpty(), a.toString());
            reasons.forEach(r -> {
                assertFalse(((String) r.get("policy")).isBlank());
                assertFalse(((String) r.get("rule")).isBlank());
                assertFalse(((String) r.get("description")).isBlank());
            });
        }
    }

    @Test
    void neverAddressesTheAuthorByAnythingThatLooksLikePersonalData() {
        Map<String, Object> m = Map.of("id", newId(), "brand", "acme-bank", "channel", "twitter",
                "text", "Terrible service, the app keeps crashing.",
                "author", Map.of("displayName", "jan.kowalski@gmail.com", "handle", "601234567"));
        String reply = evaluate(m).statusCode(200).extract().jsonPath()
                .getString("actions.find { it.type == 'RESPOND_PUBLICLY' }.suggestedReply.text");
        assertFalse(reply.contains("jan.kowalski") || reply.contains("601234567"), reply);
    }

    @Test
    void sameTextWithAndWithoutCallerLanguageIsTheSameMention() {
        String id = newId();
        String first = evaluate(Map.of("id", id, "brand", "acme-bank", "channel", "twitter",
                "text", "call me 601 234 567", "language", "pl")).statusCode(200).extract().path("decisionId");
        evaluate(Map.of("id", id, "brand", "acme-bank", "channel", "twitter", "text", "call me 601 234 567"))
                .statusCode(200).body("decisionId", equalTo(first));
    }

    @Test
    void variesRepliesAcrossMentionsOfTheSameKind() {
        java.util.Set<String> replies = new java.util.HashSet<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> m = Map.of("id", newId(), "brand", "acme-bank", "channel", "twitter",
                    "text", "Terrible service, the app keeps crashing.");
            replies.add(evaluate(m).statusCode(200).extract().jsonPath()
                    .getString("actions.find { it.type == 'RESPOND_PUBLICLY' }.suggestedReply.text"));
        }
        assertEquals(true, replies.size() >= 3, replies.toString());
    }

    // ---- idempotency ----

    @Test
    void replaysTheStoredDecisionForTheSameBrandAndId() {
        Map<String, Object> m = mention("Terrible, my transfer is late again.");
        String first = evaluate(m).statusCode(200).header("Idempotent-Replayed", "false")
                .extract().path("decisionId");
        evaluate(m).statusCode(200).header("Idempotent-Replayed", "true").body("decisionId", equalTo(first));
    }

    @Test
    void sameIdForAnotherBrandIsAnotherMention() {
        String id = newId();
        String a = evaluate(Map.of("id", id, "brand", "bank-a", "channel", "forum", "text", "Great bank!"))
                .statusCode(200).extract().path("decisionId");
        String b = evaluate(Map.of("id", id, "brand", "bank-b", "channel", "forum", "text", "Great bank!"))
                .statusCode(200).extract().path("decisionId");
        assertFalse(a.equals(b));
    }

    @Test
    void refusesTheSameIdWithADifferentTextWith409() {
        String id = newId();
        evaluate(Map.of("id", id, "brand", "acme-bank", "channel", "twitter", "text", "First text")).statusCode(200);
        evaluate(Map.of("id", id, "brand", "acme-bank", "channel", "twitter", "text", "Another text"))
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:response-policy:problem:idempotency_conflict"))
                .body("detail", containsString(id));
    }

    // ---- batch ----

    @Test
    void evaluatesBatchInOrderWithPerItemProblems() {
        Map<String, Object> good = mention("Dziękuję, super obsługa!");
        Map<String, Object> bad = Map.of("id", newId(), "brand", "acme-bank", "text", "no channel");
        JsonPath r = server.request().contentType(ContentType.JSON)
                .body(Map.of("mentions", List.of(good, bad, "not an object", mention("Terrible app"))))
                .post("/v1/mentions/evaluate-batch").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(0, 1, 2, 3), r.getList("results.index"));
        assertEquals(List.of(200, 400, 400, 200), r.getList("results.status"));
        assertEquals("mentions[1].channel", r.getString("results[1].problem.errors[0].field"));
        assertEquals("invalid_mention", r.getString("results[2].problem.code"));
        assertEquals(good.get("id"), r.getString("results[0].decision.mentionId"));
        // the good items were stored: a single retry replays them
        evaluate(good).statusCode(200).header("Idempotent-Replayed", "true")
                .body("decisionId", equalTo(r.getString("results[0].decision.decisionId")));
    }

    @Test
    void refusesBatchOverOneThousandMentions() {
        List<Map<String, Object>> many = java.util.Collections.nCopies(1001, mention("x"));
        server.request().contentType(ContentType.JSON).body(Map.of("mentions", many))
                .post("/v1/mentions/evaluate-batch").then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("batch_too_large"));
    }

    @Test
    void refusesEmptyOrShapelessBatch() {
        server.request().contentType(ContentType.JSON).body(Map.of("mentions", List.of()))
                .post("/v1/mentions/evaluate-batch").then().statusCode(400).body("code", equalTo("invalid_batch"));
        server.request().contentType(ContentType.JSON).body(List.of(mention("x")))
                .post("/v1/mentions/evaluate-batch").then().statusCode(400).body("code", equalTo("invalid_batch"));
    }

    // ---- lookups ----

    @Test
    void looksUpDecisionsByIdAndByMention() {
        String brand = "lookup-" + UUID.randomUUID();
        for (String text : List.of("First", "Second")) {
            evaluate(Map.of("id", newId(), "brand", brand, "channel", "forum", "text", text)).statusCode(200);
        }
        Map<String, Object> m = Map.of("id", newId(), "brand", brand, "channel", "forum", "text", "Why is my card blocked?");
        JsonPath d = evaluate(m).statusCode(200).extract().jsonPath();
        String decisionId = d.getString("decisionId");
        server.request().get("/v1/decisions/" + decisionId).then().statusCode(200)
                .body("decisionId", equalTo(decisionId)).body("maskedText", equalTo(d.getString("maskedText")))
                .body("actions.type", equalTo(d.getList("actions.type")));
        server.request().queryParam("brand", brand).queryParam("mentionId", m.get("id"))
                .get("/v1/decisions").then().statusCode(200)
                .body("decisions", hasSize(1)).body("decisions[0].decisionId", equalTo(decisionId));
        server.request().queryParam("brand", brand).queryParam("mentionId", "never-sent")
                .get("/v1/decisions").then().statusCode(200).body("decisions", hasSize(0));
        server.request().queryParam("brand", brand)
                .get("/v1/decisions").then().statusCode(200).body("decisions", hasSize(3));
        server.request().queryParam("brand", brand).queryParam("limit", 2)
                .get("/v1/decisions").then().statusCode(200).body("decisions", hasSize(2))
                .body("decisions[0].decisionId", equalTo(decisionId));
    }

    @Test
    void answersUnknownDecisionWith404Problem() {
        server.request().get("/v1/decisions/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("decision_not_found"));
    }

    @Test
    void refusesDecisionSearchForAMentionWithoutBrandOrWithBadLimit() {
        // A mention id is unique per brand only; without any filter the newest decisions of all brands are listed.
        server.request().queryParam("mentionId", "123").get("/v1/decisions").then().statusCode(400)
                .body("code", equalTo("invalid_query"));
        server.request().get("/v1/decisions").then().statusCode(200);
        server.request().queryParam("brand", "acme-bank").queryParam("limit", "lots")
                .get("/v1/decisions").then().statusCode(400).body("code", equalTo("invalid_query"));
    }

    @Test
    void reportsHealthWithRulesetVersion() {
        String version = evaluated("hello").getString("rulesetVersion");
        server.request().get("/health").then().statusCode(200)
                .body("status", equalTo("UP")).body("rulesetVersion", equalTo(version));
    }

    @Test
    void servesItsOwnContract() {
        server.request().get("/openapi.yaml").then().statusCode(200).body(containsString("openapi: 3.0"));
    }

    private static Map<String, Object> action(JsonPath d, String type) {
        Map<String, Object> a = d.getMap("actions.find { it.type == '" + type + "' }");
        if (a == null) {
            throw new AssertionError("expected a " + type + " action, got " + d.getList("actions.type")
                    + " for " + d.getString("maskedText") + " with analysis " + d.getMap("analysis"));
        }
        return a;
    }

    private static Map<String, Object> actionInQueue(JsonPath d, String type, String queue) {
        Map<String, Object> a = d.getMap("actions.find { it.type == '" + type + "' && it.queue == '" + queue + "' }");
        if (a == null) {
            throw new AssertionError("expected " + type + " to " + queue + ", got " + d.getList("actions")
                    + " with analysis " + d.getMap("analysis"));
        }
        return a;
    }

    // ---- clients ----

    @Test
    void echoesAPlainRequestIdAndReplacesOneThatLooksLikePersonalData() {
        server.request().header("X-Request-Id", "crm-2026-11-24.0042").get("/health").then()
                .header("X-Request-Id", "crm-2026-11-24.0042");
        String replaced = server.request().header("X-Request-Id", "4111111111111111").get("/health").then()
                .extract().header("X-Request-Id");
        org.junit.jupiter.api.Assertions.assertNotEquals("4111111111111111", replaced);
        org.junit.jupiter.api.Assertions.assertFalse(replaced.isBlank());
    }

    /**
     * Java's HttpClient (and curl --http2) ask to switch to HTTP/2 over plain HTTP with "Upgrade: h2c" on every
     * first request; the server must answer such a POST as HTTP/1.1 at once, not wait for the body forever.
     */
    @Test
    void answersAClientThatOffersAnUpgradeToHttp2() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).build();
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                mention("The app has been down all day again, this is a disgrace!"));
        java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + server.port() + "/v1/mentions/evaluate"))
                        .header("Content-Type", "application/json").timeout(java.time.Duration.ofSeconds(10))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("negative", JsonPath.from(response.body()).getString("analysis.sentiment.label"));
    }
}
