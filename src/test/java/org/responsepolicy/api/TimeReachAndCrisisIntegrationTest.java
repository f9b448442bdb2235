package org.responsepolicy.api;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.responsepolicy.support.MovableClock;
import org.responsepolicy.support.TestServer;

/** Deadlines, after-hours care, reach, advocates and crises on one server, with the clock under control. */
class TimeReachAndCrisisIntegrationTest {

    private static final MovableClock CLOCK = new MovableClock(CareScenarios.WEDNESDAY_MORNING);
    private static TestServer server;
    private static CareScenarios scenarios;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withH2(CLOCK);
        scenarios = new CareScenarios(CLOCK, List.of(server));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void sameComplaintGetsOtherDeadlinesAndRepliesAfterHours() {
        scenarios.sameComplaintDuringAndAfterStaffedHours();
    }

    @Test
    void influencerComplaintOutranksOrdinaryOne() {
        scenarios.influencerOutranksOrdinaryAuthor();
    }

    @Test
    void thirdPositiveMentionIsThankedAsAdvocate() {
        scenarios.thirdPositiveMentionIsThankedAsAnAdvocate();
    }

    @Test
    void loginBurstInFiveLanguagesOpensOneIncidentAndClosesAfterQuietPeriod() {
        scenarios.loginBurstOpensOneIncidentThatClosesAfterTheQuietPeriod();
    }

    @Test
    void backfilledComplaintsAreJudgedAsOfTheirTimeWithoutPhantomIncident() {
        scenarios.backfillOfOldComplaintsOpensNoIncident();
    }

    @Test
    void incidentCanBeClosedByHandAndUnknownOnesAre404() {
        String id = scenarios.loginBurstOpensOneIncidentThatClosesAfterTheQuietPeriod();
        server.request().post("/v1/incidents/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("closed")).body("closeReason", equalTo("quiet period"));
        server.request().post("/v1/incidents/no-such-incident/close").then().statusCode(404)
                .body("code", equalTo("incident_not_found"));
        server.request().get("/v1/incidents?status=sideways").then().statusCode(400)
                .body("code", equalTo("invalid_query"));
    }
}
