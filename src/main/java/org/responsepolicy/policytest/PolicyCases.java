package org.responsepolicy.policytest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.responsepolicy.engine.RuleProblem;
import org.responsepolicy.engine.RulesInvalidException;
import org.responsepolicy.ruleset.RuleFiles;

/** Reads the policy test cases of a rule set from {@code tests/*.yaml}. */
public final class PolicyCases {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PolicyCases() {
    }

    public static List<PolicyCase> read(RuleFiles files) throws RulesInvalidException {
        List<PolicyCase> cases = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        files.under("tests/", ".yaml").forEach((path, text) -> {
            try {
                JsonNode root = YAML.readTree(text);
                JsonNode list = root == null ? null : root.get("cases");
                if (list == null || !list.isArray()) {
                    problems.add(new RuleProblem(path, 1, "expected a list under 'cases:'"));
                    return;
                }
                for (JsonNode c : list) {
                    cases.add(toCase(path, text, c, problems));
                }
            } catch (JsonProcessingException e) {
                problems.add(new RuleProblem(path, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                        e.getOriginalMessage()));
            }
        });
        if (!problems.isEmpty()) {
            throw new RulesInvalidException(problems);
        }
        return cases;
    }

    private static PolicyCase toCase(String path, String text, JsonNode c, List<RuleProblem> problems) {
        String name = c.path("name").asText("(unnamed)");
        int line = lineOf(text, name);
        try {
            Map<String, Object> mention = YAML.convertValue(c.get("mention"), new TypeReference<>() { });
            PolicyCase.Expectation expect = YAML.treeToValue(c.get("expect"), PolicyCase.Expectation.class);
            if (mention == null || expect == null) {
                problems.add(new RuleProblem(path, line, "case \"" + name + "\" needs both 'mention' and 'expect'"));
            }
            String at = c.hasNonNull("at") ? c.get("at").asText() : null;
            if (at != null) {
                try {
                    java.time.OffsetDateTime.parse(at);
                } catch (java.time.format.DateTimeParseException bad) {
                    problems.add(new RuleProblem(path, line, "case \"" + name + "\": 'at' must be a date-time with offset, "
                            + "e.g. 2026-11-21T23:10:00+01:00"));
                }
            }
            PolicyCase.Given given = c.hasNonNull("given") ? YAML.treeToValue(c.get("given"), PolicyCase.Given.class) : null;
            return new PolicyCase(path, line, name, mention, expect, at, given);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            problems.add(new RuleProblem(path, line, "case \"" + name + "\": " + e.getMessage().lines().findFirst().orElse("")));
            return new PolicyCase(path, line, name, null, null, null, null);
        }
    }

    private static int lineOf(String text, String needle) {
        int i = text.indexOf(needle);
        return i < 0 ? 0 : (int) text.substring(0, i).chars().filter(ch -> ch == '\n').count() + 1;
    }
}
