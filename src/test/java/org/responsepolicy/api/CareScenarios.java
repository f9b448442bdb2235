package org.responsepolicy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.responsepolicy.support.MovableClock;
import org.responsepolicy.support.TestServer;

/**
 * Time, reach and crisis as a CRM sees them, with a controlled clock. Requests take turns over the servers
 * given, so the same scenarios show that several instances sharing one database agree.
 */
final class CareScenarios {

    /** Wednesday 18 November 2026, 10:00 in Warsaw: staffed under brands/default.yaml. */
    static final Instant WEDNESDAY_MORNING = Instant.parse("2026-11-18T09:00:00Z");

    static final List<String> LOGIN_COMPLAINTS = List.of(
            "The app won't log me in again, this is getting ridiculous",
            "Aplikacja znowu nie pozwala mi się zalogować, masakra",
            "Застосунок знову не дає мені увійти, жах",
            "Приложение опять не даёт войти в аккаунт, ужас",
            "Az alkalmazás megint nem enged belépni, borzasztó",
            "Can't log in to the app since this morning, really annoying",
            "Nie mogę się zalogować do aplikacji od rana, skandal",
            "Не можу увійти в застосунок з самого ранку, жахливо",
            "Не могу войти в приложение с самого утра, безобразие",
            "Reggel óta nem tudok belépni az alkalmazásba, felháborító");

    private final MovableClock clock;
    private final List<TestServer> servers;
    private int turn;

    CareScenarios(MovableClock clock, List<TestServer> servers) {
        this.clock = clock;
        this.servers = servers;
    }

    RequestSpecification nextServer() {
        return servers.get(turn++ % servers.size()).request();
    }

    static String freshBrand(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> mention(String brand, String id, String channel, String text) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("brand", brand);
        m.put("channel", channel);
        m.put("visibility", "public");
        m.put("text", text);
        return m;
    }

    JsonPath evaluate(Map<String, Object> mention) {
        return nextServer().contentType(ContentType.JSON).body(mention).post("/v1/mentions/evaluate")
                .then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> action(JsonPath decision, String type) {
        List<Map<String, Object>> found = decision.getList("actions.findAll { it.type == '" + type + "' }");
        return found.isEmpty() ? null : found.get(0);
    }

    static Instant dueBy(Map<String, Object> action) {
        return Instant.parse((String) action.get("dueBy"));
    }

    @SuppressWarnings("unchecked")
    static String replyText(Map<String, Object> action) {
        return (String) ((Map<String, Object>) action.get("suggestedReply")).get("text");
    }

    void sameComplaintDuringAndAfterStaffedHours() {
        String brand = freshBrand("hours");
        String text = "Przelew nie doszedł od trzech dni, fatalna obsługa.";

        clock.set(WEDNESDAY_MORNING);
        JsonPath staffed = evaluate(mention(brand, "weekday", "facebook", text));
        Map<String, Object> reply = action(staffed, "RESPOND_PUBLICLY");
        assertEquals(Instant.parse("2026-11-18T10:00:00Z"), dueBy(reply), "P2 on facebook: 1h of staffed time");
        assertNull(action(staffed, "HOLDING_REPLY"), "nobody needs a holding reply while the team is at work");

        clock.set(Instant.parse("2026-11-21T22:10:00Z")); // Saturday 23:10 in Warsaw; Sunday is closed
        JsonPath night = evaluate(mention(brand, "saturday-night", "facebook", text));
        Map<String, Object> holding = action(night, "HOLDING_REPLY");
        assertNotNull(holding, night.prettify());
        assertEquals(Instant.parse("2026-11-21T22:25:00Z"), dueBy(holding), "the holding reply goes out within 15m");
        assertEquals("on-call", holding.get("queue"));
        assertTrue(replyText(holding).contains("poniedziałek, 23 listopada 2026, 08:00"), replyText(holding));
        Map<String, Object> later = action(night, "RESPOND_PUBLICLY");
        assertEquals(Instant.parse("2026-11-23T08:00:00Z"), dueBy(later),
                "the person's reply is due an hour after the team starts on Monday at 08:00");
        assertTrue(((String) later.get("dueByBasis")).contains("Monday 23 November 08:00"), (String) later.get("dueByBasis"));
    }

    void influencerOutranksOrdinaryAuthor() {
        String brand = freshBrand("reach");
        clock.set(WEDNESDAY_MORNING);
        String text = "Terrible service, my transfer is three days late and nobody answers.";
        Map<String, Object> ordinary = mention(brand, "ordinary", "facebook", text);
        ordinary.put("author", Map.of("displayName", "Jan", "followers", 40));
        Map<String, Object> influencer = mention(brand, "influencer", "facebook", text);
        influencer.put("author", Map.of("displayName", "Kasia", "followers", 150000, "verified", true));

        Map<String, Object> a = action(evaluate(ordinary), "RESPOND_PUBLICLY");
        Map<String, Object> b = action(evaluate(influencer), "RESPOND_PUBLICLY");
        assertEquals("P2", a.get("priority"));
        assertEquals("P1", b.get("priority"));
        assertTrue(dueBy(b).isBefore(dueBy(a)), "the influencer is answered sooner");
        assertTrue(b.get("reasons").toString().contains("author has 150000 followers; very-large reach starts at 100000"),
                b.get("reasons").toString());
    }

    void thirdPositiveMentionIsThankedAsAnAdvocate() {
        String brand = freshBrand("advocate");
        List<String> praise = List.of(
                "Just want to say thank you - opening an account took ten minutes, super easy and smooth 👍",
                "Great service at your Kraków branch today, the staff were lovely. Thank you!",
                "Your new app update is brilliant, paying bills is so easy now. Love it!");
        List<JsonPath> decisions = new ArrayList<>();
        for (int i = 0; i < praise.size(); i++) {
            clock.set(WEDNESDAY_MORNING.plus(Duration.ofDays(i)));
            Map<String, Object> m = mention(brand, "praise-" + i, "instagram", praise.get(i));
            m.put("author", Map.of("id", "fan-42", "displayName", "Emma"));
            decisions.add(evaluate(m));
        }
        for (int i = 0; i < 2; i++) {
            Map<String, Object> thanks = action(decisions.get(i), "THANK");
            assertEquals("thank.positive", ((Map<?, ?>) thanks.get("suggestedReply")).get("templateId"),
                    decisions.get(i).prettify());
            assertNull(thanks.get("labels"));
        }
        Map<String, Object> third = action(decisions.get(2), "THANK");
        assertEquals("thank.advocate", ((Map<?, ?>) third.get("suggestedReply")).get("templateId"), decisions.get(2).prettify());
        assertEquals(List.of("advocate-engagement"), third.get("labels"));
        assertTrue(third.get("reasons").toString().contains("3rd positive mention by this author"), third.toString());
    }

    /**
     * Ten "the app won't log me in" complaints in five languages, a minute apart, on a brand with no history:
     * the fifth reaches the per-issue threshold and opens the incident.
     *
     * @return the incident's id
     */
    String loginBurstOpensOneIncidentThatClosesAfterTheQuietPeriod() {
        String brand = freshBrand("crisis");
        List<JsonPath> decisions = new ArrayList<>();
        for (int i = 0; i < LOGIN_COMPLAINTS.size(); i++) {
            clock.set(WEDNESDAY_MORNING.plus(Duration.ofMinutes(i)));
            decisions.add(evaluate(mention(brand, "login-" + i, "twitter", LOGIN_COMPLAINTS.get(i))));
        }
        List<Integer> pinned = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            if (action(decisions.get(i), "PIN_STATEMENT") != null) {
                pinned.add(i);
            }
        }
        assertEquals(List.of(4), pinned, "exactly one statement, recommended when the surge starts");
        Map<String, Object> pin = action(decisions.get(4), "PIN_STATEMENT");
        assertEquals("crisis", pin.get("queue"));
        List<?> drafts = (List<?>) pin.get("statementDrafts");
        assertEquals(List.of("hu", "en", "pl", "ru", "uk"),
                drafts.stream().map(d -> ((Map<?, ?>) d).get("language")).toList(), "one draft per language, the mention's first");

        String incidentId = decisions.get(4).getString("incidentId");
        assertNotNull(incidentId);
        for (int i = 0; i < decisions.size(); i++) {
            Map<String, Object> reply = action(decisions.get(i), "RESPOND_PUBLICLY");
            assertNotNull(reply, decisions.get(i).prettify());
            if (i < 4) {
                assertEquals("social-care", reply.get("queue"), "before the surge, answered as usual");
                assertNull(decisions.get(i).getString("incidentId"));
            } else {
                assertEquals("crisis", reply.get("queue"), decisions.get(i).prettify());
                assertEquals("reply.crisis", ((Map<?, ?>) reply.get("suggestedReply")).get("templateId"));
                assertEquals(incidentId, decisions.get(i).getString("incidentId"));
            }
        }

        JsonPath open = nextServer().get("/v1/incidents?brand=" + brand).then().statusCode(200).extract().jsonPath();
        assertEquals(1, open.getList("incidents").size(), open.prettify());
        assertEquals("open", open.getString("incidents[0].status"));
        assertEquals("surge", open.getString("incidents[0].kind"));
        assertEquals("outage", open.getString("incidents[0].issue"));
        assertEquals(10, open.getInt("incidents[0].mentions"));
        assertEquals("login-4", open.getString("incidents[0].openedByMentionId"));

        Instant lastMention = WEDNESDAY_MORNING.plus(Duration.ofMinutes(9));
        clock.set(lastMention.plus(Duration.ofMinutes(119)));
        nextServer().get("/v1/incidents/" + incidentId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("open"));
        clock.set(lastMention.plus(Duration.ofMinutes(121)));
        JsonPath closed = nextServer().get("/v1/incidents?brand=" + brand).then().statusCode(200).extract().jsonPath();
        assertEquals("closed", closed.getString("incidents[0].status"));
        assertEquals("quiet period", closed.getString("incidents[0].closeReason"));
        assertEquals(lastMention.plus(Duration.ofHours(2)), Instant.parse(closed.getString("incidents[0].closedAt")));

        JsonPath after = evaluate(mention(brand, "after-the-crisis", "twitter", LOGIN_COMPLAINTS.get(0)));
        assertEquals("social-care", action(after, "RESPOND_PUBLICLY").get("queue"), "the crisis is over");
        assertNull(after.getString("incidentId"));
        return incidentId;
    }

    void backfillOfOldComplaintsOpensNoIncident() {
        String brand = freshBrand("backfill");
        clock.set(WEDNESDAY_MORNING);
        Instant sunday = Instant.parse("2026-11-15T10:00:00Z"); // Sunday 11:00 in Warsaw: closed
        List<JsonPath> decisions = new ArrayList<>();
        for (int i = 0; i < LOGIN_COMPLAINTS.size(); i++) {
            Map<String, Object> m = mention(brand, "old-" + i, "facebook", LOGIN_COMPLAINTS.get(i));
            m.put("publishedAt", sunday.plus(Duration.ofMinutes(i)).toString());
            decisions.add(evaluate(m));
        }
        for (JsonPath d : decisions) {
            assertNull(action(d, "PIN_STATEMENT"), d.prettify());
            assertNull(action(d, "HOLDING_REPLY"), "the team has been back since Monday: a holding reply would be stale");
            assertEquals("social-care", action(d, "RESPOND_PUBLICLY").get("queue"));
            assertEquals(Instant.parse("2026-11-16T08:00:00Z"), dueBy(action(d, "RESPOND_PUBLICLY")),
                    "judged as of Sunday: due an hour after the team started on Monday");
        }
        assertTrue(nextServer().get("/v1/incidents?brand=" + brand).then().statusCode(200).extract().jsonPath()
                .getList("incidents").isEmpty(), "a wave that ended days ago is history, not a crisis");
        assertFalse(decisions.isEmpty());
    }
}
