package org.responsepolicy.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.responsepolicy.app.App;
import org.responsepolicy.app.ServerConfig;
import org.responsepolicy.support.BundledRules;
import org.responsepolicy.support.MariaDb;
import org.responsepolicy.support.MovableClock;
import org.responsepolicy.support.TestServer;
import org.slf4j.LoggerFactory;

/**
 * Personal data never leaves the mention: not into the database, the logs or error answers. Erasure and retention
 * delete what is kept. Against MariaDB, with the real log configuration.
 */
class PersonalDataStaysPutIntegrationTest {

    /** Every personal-data type the detector knows, as customers write them, in five languages. */
    private static final List<String> MENTIONS = List.of(
            "Zablokowaliście mi kartę 5500 0000 0000 0004!!! PESEL 44051401359, konto PL61 1090 1014 0000 0712 1981 2874, "
                    + "tel. +48 601 234 567, mail jan.kowalski@example.pl, NIP 1521398017. Oddzwońcie natychmiast.",
            "My card 4111-1111-1111-1111 was charged twice, IBAN GB82 WEST 1234 5698 7654 32, call me on "
                    + "+44 7911 123456 or write to mary.smith@example.co.uk. Terrible service.",
            "Мій ІПН 2663273703, картка 5500000000000004, телефон +380 67 123 4567 — гроші зникли з рахунку, допоможіть!",
            "Списали деньги дважды! ИНН 7721547280, СНИЛС 078-666-617 27, карта 4111 1111 1111 1111, "
                    + "телефон +7 916 123-45-67, почта ivan.petrov@example.ru",
            "A TAJ számom 511 213 326, adóazonosítóm 8359271976, kártyám 5500 0000 0000 0004, hívjanak a "
                    + "+36 20 123 4567 számon. Elfogadhatatlan, hogy nem működik az app!");

    /** The raw values, digits only where separators vary. */
    private static final List<String> RAW = List.of("5500000000000004", "44051401359", "61109010140000071219812874",
            "601234567", "jan.kowalski@example.pl", "1521398017", "4111111111111111", "82WEST12345698765432",
            "7911123456", "mary.smith@example.co.uk", "2663273703", "380671234567", "7721547280", "07866661727",
            "9161234567", "ivan.petrov@example.ru", "511213326", "8359271976", "36201234567");

    @Test
    void noRawPersonalDataInTheDatabaseTheLogsOrErrorAnswers() throws Exception {
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> capture = captureLogs(logs);
        StringBuilder answers = new StringBuilder();
        try (MariaDb db = MariaDb.createDatabase(); TestServer server = TestServer.start(db.config())) {
            for (String text : MENTIONS) {
                String body = server.request().contentType(ContentType.JSON)
                        .body(Map.of("id", "pd-" + UUID.randomUUID(), "brand", "acme-bank", "channel", "facebook",
                                "text", text, "author", Map.of("id", "cust-" + UUID.randomUUID())))
                        .post("/v1/mentions/evaluate").then().statusCode(200).extract().asString();
                assertNoRaw("the evaluation answer", body);
            }
            server.request().contentType(ContentType.JSON).body(Map.of("mentions", MENTIONS.stream()
                            .map(t -> Map.of("id", "pdb-" + UUID.randomUUID(), "brand", "acme-bank", "channel", "twitter",
                                    "text", t)).toList()))
                    .post("/v1/mentions/evaluate-batch").then().statusCode(200);
            // Error answers echo what was sent: malformed JSON around a card number, a card number as a channel,
            // as an unknown decision id, as an invalid author follower count.
            answers.append(server.request().contentType(ContentType.JSON)
                    .body("{\"id\": \"x\", \"text\": 4111 1111 1111 1111}").post("/v1/mentions/evaluate")
                    .then().statusCode(400).extract().asString());
            answers.append(server.request().contentType(ContentType.JSON)
                    .body("{\"id\": \"x\", \"brand\": \"b\", \"channel\": \"4111111111111111\", \"text\": \"hi\"}")
                    .post("/v1/mentions/evaluate").then().statusCode(400).extract().asString());
            answers.append(server.request().get("/v1/decisions/4111111111111111").then().statusCode(404)
                    .extract().asString());
            answers.append(server.request().contentType(ContentType.JSON)
                    .body("{\"id\": \"x\", \"brand\": \"b\", \"channel\": \"twitter\", \"text\": \"hi\", "
                            + "\"author\": {\"followers\": \"+48 601 234 567\"}}")
                    .post("/v1/mentions/evaluate").then().statusCode(400).extract().asString());
            assertNoRaw("error answers", answers.toString());

            List<String> cells = allStoredText(db);
            assertTrue(cells.size() > 50, "the scan read the stored rows: " + cells.size());
            assertTrue(cells.stream().anyMatch(c -> c.contains("****")), "masked texts are stored");
            for (String cell : cells) {
                assertNoRaw("the database", cell);
            }
        } finally {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(capture);
            capture.stop();
        }
        // A library's exception message with a card number in it is masked on its way to the log.
        LoggerFactory.getLogger("some.library").error("Failed for card 4111 1111 1111 1111",
                new IllegalStateException("value 5500-0000-0000-0004 rejected"));
        String logged = logs.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("Response Policy Server listening"), "the log was captured");
        assertNoRaw("the log", logged);
    }

    @Test
    void erasureDeletesAnAuthorsDecisionsAndHistory() throws Exception {
        try (MariaDb db = MariaDb.createDatabase(); TestServer server = TestServer.start(db.config())) {
            List<String> erased = new ArrayList<>();
            for (Map<String, Object> author : List.of(Map.<String, Object>of("id", "cust-42"),
                    Map.<String, Object>of("id", "cust-42", "handle", "@kasia"),
                    Map.<String, Object>of("handle", "@Kasia_W"))) {
                String id = "er-" + UUID.randomUUID();
                evaluate(server, id, author, "Dziękuję, świetna obsługa w oddziale!");
                erased.add(id);
            }
            String kept = "er-" + UUID.randomUUID();
            evaluate(server, kept, Map.of("id", "cust-7"), "Dziękuję, świetna obsługa w oddziale!");

            server.request().delete("/v1/authors/acme-bank/cust-42").then().statusCode(200)
                    .body("decisionsErased", equalTo(2)).body("historySignalsErased", greaterThanOrEqualTo(2));
            server.request().delete("/v1/authors/acme-bank/@kasia_w").then().statusCode(200)
                    .body("decisionsErased", equalTo(1));
            server.request().delete("/v1/authors/acme-bank/cust-42").then().statusCode(200)
                    .body("decisionsErased", equalTo(0)).body("historySignalsErased", equalTo(0));
            for (String id : erased) {
                server.request().get("/v1/decisions?brand=acme-bank&mentionId=" + id).then().statusCode(200)
                        .body("decisions.size()", equalTo(0));
            }
            server.request().get("/v1/decisions?brand=acme-bank&mentionId=" + kept).then()
                    .body("decisions.size()", equalTo(1));
            try (Connection c = db.connect()) {
                assertEquals(1, count(c, "select count(*) from decision"));
                assertEquals(1, count(c, "select count(*) from mention_signal where issue = ''"));
            }
            String audit = server.request().get("/v1/audit").then().statusCode(200)
                    .body("entries.action", hasItem("author.erase")).extract().asString();
            assertFalse(audit.contains("cust-42") || audit.toLowerCase().contains("kasia"),
                    "the audit names a pseudonym, not the erased author: " + audit);
        }
    }

    @Test
    void retentionPurgesWhatIsOlderThanThePeriod() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-18T09:00:00Z"));
        try (MariaDb db = MariaDb.createDatabase();
             App app = App.start(new ServerConfig("127.0.0.1", 0, BundledRules.FOLDER, db.config(), false)
                             .with(ServerConfig.Protection.DEFAULTS.withRetention(Duration.ofDays(30))), clock,
                     () -> UUID.randomUUID().toString())) {
            var request = io.restassured.RestAssured.given().port(app.port())
                    .filter(org.responsepolicy.support.ContractValidation.FILTER);
            String old = request.contentType(ContentType.JSON).body(Map.of("id", "old", "brand", "acme-bank",
                            "channel", "twitter", "text", "Thanks for the help!", "author", Map.of("id", "a")))
                    .post("/v1/mentions/evaluate").then().statusCode(200).extract().path("decisionId");
            clock.advance(Duration.ofDays(31));
            String recent = io.restassured.RestAssured.given().port(app.port()).contentType(ContentType.JSON)
                    .body(Map.of("id", "new", "brand", "acme-bank", "channel", "twitter", "text", "Thanks again!",
                            "author", Map.of("id", "a")))
                    .post("/v1/mentions/evaluate").then().statusCode(200).extract().path("decisionId");
            io.restassured.RestAssured.given().port(app.port()).filter(org.responsepolicy.support.ContractValidation.FILTER)
                    .post("/v1/retention/purge").then().statusCode(200)
                    .body("decisionsPurged", equalTo(1)).body("historySignalsPurged", greaterThanOrEqualTo(1))
                    .body("retention", equalTo("PT720H"));
            io.restassured.RestAssured.given().port(app.port()).get("/v1/decisions/" + old).then().statusCode(404);
            io.restassured.RestAssured.given().port(app.port()).get("/v1/decisions/" + recent).then().statusCode(200);
            io.restassured.RestAssured.given().port(app.port()).get("/v1/audit").then()
                    .body("entries.action", hasItem("retention.purge"));
            try (java.sql.Connection c = db.connect(); java.sql.ResultSet rows = c.createStatement().executeQuery(
                    "SELECT decision_id, COUNT(*) FROM decision_action GROUP BY decision_id")) {
                List<String> indexed = new java.util.ArrayList<>();
                while (rows.next()) {
                    indexed.add(rows.getString(1));
                }
                assertEquals(List.of(recent), indexed, "the purged decision's action rows went with it");
            }
        }
    }

    private static void evaluate(TestServer server, String id, Map<String, Object> author, String text) {
        server.request().contentType(ContentType.JSON)
                .body(Map.of("id", id, "brand", "acme-bank", "channel", "twitter", "text", text, "author", author))
                .post("/v1/mentions/evaluate").then().statusCode(200);
    }

    private static int count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Every character column of every table, as text. */
    private static List<String> allStoredText(MariaDb db) throws Exception {
        List<String> cells = new ArrayList<>();
        try (Connection c = db.connect()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("select table_name, column_name from "
                    + "information_schema.columns where table_schema = database() and data_type in "
                    + "('char', 'varchar', 'text', 'mediumtext', 'longtext', 'tinytext')")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] col : columns) {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "select `" + col[1] + "` from `" + col[0] + "`")) {
                    while (rs.next()) {
                        if (rs.getString(1) != null) {
                            cells.add(rs.getString(1));
                        }
                    }
                }
            }
        }
        return cells;
    }

    private static void assertNoRaw(String where, String text) {
        String digits = text.replaceAll("(?<=\\d)[\\s\\-./\\u00a0]+(?=\\d)", "").replaceAll("(?<=[A-Z0-9])\\s+(?=[A-Z0-9])", "");
        for (String raw : RAW) {
            assertFalse(text.contains(raw) || digits.contains(raw), where + " holds " + raw + ": " + excerpt(text, raw));
        }
    }

    private static String excerpt(String text, String raw) {
        int i = text.indexOf(raw);
        return i < 0 ? "(after removing separators)" : text.substring(Math.max(0, i - 60), Math.min(text.length(), i + 60));
    }

    /** A second appender with the configured console pattern, writing into {@code out}. */
    private static OutputStreamAppender<ILoggingEvent> captureLogs(ByteArrayOutputStream out) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(((PatternLayoutEncoder) console.getEncoder()).getPattern());
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        root.addAppender(appender);
        return appender;
    }
}
