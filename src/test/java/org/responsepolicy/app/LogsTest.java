package org.responsepolicy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON log format (on a context of its own, so the test JVM's logging is untouched). */
class LogsTest {

    @Test
    void writesOneJsonObjectWithTheRequestFieldsAndPersonalDataMasked() throws Exception {
        LoggerContext context = new LoggerContext();
        var encoder = Logs.jsonEncoder(context);
        LoggingEvent event = new LoggingEvent("test", context.getLogger("org.responsepolicy.test"), Level.ERROR,
                "Library said: card 4111 1111 1111 1111 declined for jan.kowalski@example.com", 
                new IllegalStateException("bad PESEL 44051401359 in +48 601 234 567"), null);
        event.setMDCPropertyMap(Map.of("requestId", "crm-1", "decisionId", "d-1", "brand", "acme-bank",
                "rulesetVersion", "abc"));
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "one line: " + line);
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("crm-1", json.get("requestId").asText());
        assertEquals("d-1", json.get("decisionId").asText());
        assertEquals("acme-bank", json.get("brand").asText());
        assertEquals("ERROR", json.get("level").asText());
        assertTrue(json.get("message").asText().contains("**** **** **** 1111"), line);
        for (String personal : new String[] {"4111 1111 1111 1111", "jan.kowalski@", "44051401359", "601 234 567"}) {
            assertFalse(line.contains(personal), personal + " in " + line);
        }
        assertTrue(json.get("stack_trace").asText().contains("IllegalStateException"), line);
    }

    /** The masker reads digit runs as phone numbers; the timestamp and the server's own ids must stay intact. */
    @Test
    void leavesTimestampsAndServerIdsAlone() throws Exception {
        LoggerContext context = new LoggerContext();
        var encoder = Logs.jsonEncoder(context);
        long t = 1_795_000_000_000L;
        for (int i = 0; i < 500; i++) {
            LoggingEvent event = new LoggingEvent("test", context.getLogger("x"), Level.INFO, "GET /health 200", null,
                    null);
            event.setInstant(java.time.Instant.ofEpochMilli(t + i * 7_919L).plusNanos(i * 104_729L));
            String id = java.util.UUID.randomUUID().toString();
            event.setMDCPropertyMap(Map.of("requestId", id));
            JsonNode json = new ObjectMapper().readTree(encoder.encode(event));
            assertFalse(json.get("@timestamp").asText().contains("*"), json.toString());
            assertEquals(id, json.get("requestId").asText());
        }
    }

    @Test
    void refusesAnUnknownLevelInsteadOfFallingBackSilently() {
        assertEquals("DEBUG", Logs.level("debug"));
        assertThrows(picocli.CommandLine.TypeConversionException.class, () -> Logs.level("verbose"));
    }
}
