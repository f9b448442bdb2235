package org.responsepolicy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.responsepolicy.support.MariaDb;
import org.responsepolicy.support.MovableClock;
import org.responsepolicy.support.TestServer;

/**
 * Two server instances on one MariaDB database: history and crisis detection live in the database and each
 * brand's mentions are counted under a row lock, so the instances agree on deadlines, reach, advocates and
 * incidents - even when a burst reaches both at once.
 */
class TwoInstancesOnMariaDbIntegrationTest {

    private final MovableClock clock = new MovableClock(CareScenarios.WEDNESDAY_MORNING);

    @Test
    void twoInstancesSharingOneMariaDbAgreeOnEveryScenario() throws Exception {
        try (MariaDb db = MariaDb.createDatabase();
             TestServer a = TestServer.start(db.config(), clock);
             TestServer b = TestServer.start(db.config(), clock)) {
            CareScenarios takingTurns = new CareScenarios(clock, List.of(a, b));
            takingTurns.sameComplaintDuringAndAfterStaffedHours();
            takingTurns.influencerOutranksOrdinaryAuthor();
            takingTurns.thirdPositiveMentionIsThankedAsAnAdvocate();
            takingTurns.loginBurstOpensOneIncidentThatClosesAfterTheQuietPeriod();
            takingTurns.backfillOfOldComplaintsOpensNoIncident();
        }
    }

    @Test
    void aBurstReachingBothInstancesAtOnceOpensExactlyOneIncident() throws Exception {
        try (MariaDb db = MariaDb.createDatabase();
             TestServer a = TestServer.start(db.config(), clock);
             TestServer b = TestServer.start(db.config(), clock)) {
            clock.set(CareScenarios.WEDNESDAY_MORNING);
            String brand = CareScenarios.freshBrand("concurrent");
            List<TestServer> servers = List.of(a, b);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                TestServer server = servers.get(i % 2);
                Map<String, Object> m = CareScenarios.mention(brand, "burst-" + i, "twitter",
                        CareScenarios.LOGIN_COMPLAINTS.get(i % CareScenarios.LOGIN_COMPLAINTS.size()));
                answers.add(pool.submit(() -> server.request().contentType(ContentType.JSON).body(m)
                        .post("/v1/mentions/evaluate").then().statusCode(200).extract().jsonPath()));
            }
            int pins = 0;
            int inCrisis = 0;
            for (Future<JsonPath> f : answers) {
                JsonPath d = f.get();
                pins += CareScenarios.action(d, "PIN_STATEMENT") == null ? 0 : 1;
                inCrisis += "crisis".equals(CareScenarios.action(d, "RESPOND_PUBLICLY").get("queue")) ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(1, pins, "one statement for the whole wave");
            assertEquals(16, inCrisis, "the four mentions counted before the threshold are answered as usual");

            String fromA = a.request().get("/v1/incidents?brand=" + brand).then().statusCode(200).extract().asString();
            String fromB = b.request().get("/v1/incidents?brand=" + brand).then().statusCode(200).extract().asString();
            assertEquals(fromA, fromB, "both instances show the same incidents");
            JsonPath incidents = JsonPath.from(fromA);
            assertEquals(1, incidents.getList("incidents").size(), fromA);
            assertEquals(20, incidents.getInt("incidents[0].mentions"));

            String id = incidents.getString("incidents[0].incidentId");
            b.request().post("/v1/incidents/" + id + "/close").then().statusCode(200);
            a.request().get("/v1/incidents/" + id).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("closed"))
                    .body("closeReason", org.hamcrest.Matchers.equalTo("closed by hand"));
        }
    }

    /**
     * A load balancer may send a CRM's retry to the other instance, or both copies of a mention at once: each
     * mention is still decided once, both answers carry that decision, and the second says it is a replay.
     */
    @Test
    void theSameMentionsSentToBothInstancesAtOnceAreDecidedOnce() throws Exception {
        try (MariaDb db = MariaDb.createDatabase();
             TestServer a = TestServer.start(db.config(), clock);
             TestServer b = TestServer.start(db.config(), clock)) {
            clock.set(CareScenarios.WEDNESDAY_MORNING);
            String brand = CareScenarios.freshBrand("retries");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<io.restassured.response.Response>> fromA = new ArrayList<>();
            List<Future<io.restassured.response.Response>> fromB = new ArrayList<>();
            int mentions = 40;
            for (int i = 0; i < mentions; i++) {
                Map<String, Object> m = CareScenarios.mention(brand, "both-" + i, "twitter",
                        i % 2 == 0 ? "Your app logs me out every time I open it, fix it please"
                                : "Dziękuję za szybką pomoc w oddziale, świetna obsługa!");
                fromA.add(pool.submit(() -> a.request().contentType(ContentType.JSON).body(m)
                        .post("/v1/mentions/evaluate").then().statusCode(200).extract().response()));
                fromB.add(pool.submit(() -> b.request().contentType(ContentType.JSON).body(m)
                        .post("/v1/mentions/evaluate").then().statusCode(200).extract().response()));
            }
            for (int i = 0; i < mentions; i++) {
                io.restassured.response.Response ra = fromA.get(i).get();
                io.restassured.response.Response rb = fromB.get(i).get();
                assertEquals(ra.jsonPath().getString("decisionId"), rb.jsonPath().getString("decisionId"),
                        "mention " + i + ": both instances answer with the one stored decision");
                int replays = (Boolean.parseBoolean(ra.header("Idempotent-Replayed")) ? 1 : 0)
                        + (Boolean.parseBoolean(rb.header("Idempotent-Replayed")) ? 1 : 0);
                assertEquals(1, replays, "mention " + i + ": one instance decided, the other replayed");
            }
            pool.shutdown();
            for (TestServer server : List.of(a, b)) {
                server.request().get("/v1/decisions?brand=" + brand + "&limit=100").then().statusCode(200)
                        .body("decisions.size()", org.hamcrest.Matchers.equalTo(mentions));
            }
        }
    }
}
