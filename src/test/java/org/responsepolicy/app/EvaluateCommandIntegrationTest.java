package org.responsepolicy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code evaluate}: a JSON Lines export of mentions through the bundled rules, without a server. */
class EvaluateCommandIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int exit, String err) {
    }

    private static Run evaluate(String... args) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main()).setErr(new PrintWriter(err, true)).execute(args);
        return new Run(exit, err.toString());
    }

    /**
     * 10,000 lines in five languages with malformed ones spread through them: every good line gets its decision,
     * in input order; every bad one is reported with its line number and counted in the summary.
     */
    @Test
    void evaluatesTenThousandMentionsSkippingAndReportingMalformedLines() throws Exception {
        List<String> texts = labelledTexts();
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        List<String> expectedIds = new ArrayList<>();
        Map<Integer, String> badLines = new LinkedHashMap<>();
        for (int line = 1; line <= 10_000; line++) {
            String row;
            if (line % 997 == 0) {
                row = "{\"id\": \"cut-" + line + "\", \"brand\": \"acme-bank\", \"text\": ";
                badLines.put(line, "not JSON");
            } else if (line % 1_499 == 0) {
                row = JSON.writeValueAsString(Map.of("id", "fax-" + line, "brand", "acme-bank", "channel", "fax",
                        "text", "hello"));
                badLines.put(line, "invalid mention: channel must be one of");
            } else if (line % 2_503 == 0) {
                row = "[1, 2, 3]";
                badLines.put(line, "invalid mention");
            } else if (line == 5_000) {
                row = JSON.writeValueAsString(Map.of("id", "m-1", "brand", "acme-bank", "channel", "twitter",
                        "text", "A different text under an id already used"));
                badLines.put(line, "already used earlier in the input");
            } else {
                String id = "m-" + line;
                row = JSON.writeValueAsString(Map.of("id", id, "brand", line % 3 == 0 ? "default" : "acme-bank",
                        "channel", "twitter", "text", texts.get(line % texts.size()),
                        "author", Map.of("handle", "author-" + line % 700)));
                expectedIds.add(id);
            }
            input.write(row.getBytes(StandardCharsets.UTF_8));
            input.write('\n');
            if (line == 1_234) {
                input.write(new byte[] {'\n', ' ', '\n'}); // blank lines are not mentions, nor errors
            }
        }
        Path in = dir.resolve("mentions.jsonl");
        Files.write(in, input.toByteArray());
        Path out = dir.resolve("decisions.jsonl");

        Run run = evaluate("evaluate", in.toString(), "--out", out.toString(), "--progress", "lines",
                "--rules", "rules");

        assertEquals(1, run.exit(), "some lines were skipped\n" + tail(run.err()));
        List<String> decisions = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(expectedIds.size(), decisions.size());
        Set<String> languages = new TreeSet<>();
        for (int i = 0; i < decisions.size(); i++) {
            JsonNode d = JSON.readTree(decisions.get(i));
            assertEquals(expectedIds.get(i), d.get("mentionId").asText(), "decisions come in input order");
            assertFalse(d.get("actions").isEmpty());
            languages.add(d.get("analysis").get("language").asText());
        }
        assertTrue(languages.containsAll(Set.of("en", "pl", "uk", "ru", "hu")), languages.toString());
        // Line numbers count the blank lines after 1,234 too.
        for (Map.Entry<Integer, String> bad : badLines.entrySet()) {
            int reported = bad.getKey() > 1_234 ? bad.getKey() + 2 : bad.getKey();
            assertTrue(run.err().lines().anyMatch(l -> l.startsWith("line " + reported + ": ")
                            && l.contains(bad.getValue()) && l.endsWith("(skipped)")),
                    "line " + reported + " (" + bad.getValue() + ") reported in:\n" + tail(run.err()));
        }
        assertTrue(run.err().contains("Evaluated " + String.format("%,d", expectedIds.size()) + " mentions"),
                tail(run.err()));
        assertTrue(run.err().contains(badLines.size() + " lines skipped"), tail(run.err()));
        assertTrue(run.err().contains("evaluated 5,000 of 10,000, 50%"), "plain progress lines:\n" + tail(run.err()));
        for (String table : List.of("action", "queue", "policy")) {
            assertTrue(run.err().lines().anyMatch(l -> l.matches(table + " +actions")), table + " table");
        }
        assertTrue(run.err().lines().anyMatch(l -> l.matches("RESPOND_PUBLICLY +[\\d,]+")), tail(run.err()));
    }

    @Test
    void aCleanFileExitsZeroAndWritesToStandardOutputByDefault() throws Exception {
        Path in = dir.resolve("two.jsonl");
        Files.writeString(in, JSON.writeValueAsString(Map.of("id", "a", "brand", "acme-bank", "channel", "twitter",
                "text", "Dziękuję za szybką pomoc z kartą!")) + "\n");
        java.io.PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        Run run;
        try {
            run = evaluate("evaluate", in.toString(), "--progress", "none", "--rules", "rules");
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, run.exit(), run.err());
        JsonNode d = JSON.readTree(captured.toString(StandardCharsets.UTF_8).strip());
        assertEquals("a", d.get("mentionId").asText());
        assertEquals("pl", d.get("analysis").get("language").asText());
        assertTrue(run.err().contains("0 lines skipped"), run.err());
    }

    @Test
    void readsStandardInputWhenTheFileIsADash() throws Exception {
        String lines = JSON.writeValueAsString(Map.of("id", "in-1", "brand", "acme-bank", "channel", "twitter",
                "text", "Третий день не могу войти в приложение!")) + "\nnot json\n";
        java.io.InputStream stdin = System.in;
        System.setIn(new java.io.ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
        Path out = dir.resolve("from-stdin.jsonl");
        Run run;
        try {
            run = evaluate("evaluate", "-", "--out", out.toString(), "--progress", "lines", "--rules", "rules");
        } finally {
            System.setIn(stdin);
        }
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("line 2: not JSON"), run.err());
        List<String> decisions = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(1, decisions.size());
        assertEquals("ru", JSON.readTree(decisions.get(0)).get("analysis").get("language").asText());
    }

    @Test
    void aMissingFileOrBrokenRulesAreReportedWithTheirExitCodes() throws Exception {
        Run missing = evaluate("evaluate", dir.resolve("nope.jsonl").toString(), "--rules", "rules");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("cannot read"), missing.err());

        Path rules = org.responsepolicy.support.TestServer.copyOfBundledRules(dir.resolve("rules"));
        Files.writeString(rules.resolve("policies/broken.drl"), "package rules;\nrule \"broken\"\nwhen\n  nonsense(\nthen\nend\n");
        Path in = dir.resolve("one.jsonl");
        Files.writeString(in, "{}\n");
        Run broken = evaluate("evaluate", in.toString(), "--rules", rules.toString());
        assertEquals(3, broken.exit());
        assertTrue(broken.err().contains("broken.drl"), broken.err());
    }

    private static List<String> labelledTexts() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> texts = new ArrayList<>();
        for (String lang : List.of("en", "pl", "uk", "ru", "hu")) {
            List<Map<String, Object>> set = yaml.readValue(
                    Files.readString(Path.of("src/test/resources/eval/" + lang + ".yaml")), new TypeReference<>() { });
            set.forEach(m -> texts.add((String) m.get("text")));
        }
        return texts;
    }

    private static String tail(String text) {
        return text.length() <= 3_000 ? text : text.substring(text.length() - 3_000);
    }
}
