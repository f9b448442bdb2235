package org.responsepolicy.policytest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.responsepolicy.analysis.Analysis;
import org.responsepolicy.brand.BrandSettings;
import org.responsepolicy.engine.facts.AuthorHistory;
import org.responsepolicy.engine.facts.Incident;
import org.responsepolicy.evaluation.AuthorHistories;
import org.responsepolicy.evaluation.Circumstances;
import org.responsepolicy.evaluation.Decision;
import org.responsepolicy.evaluation.Evaluator;
import org.responsepolicy.evaluation.MentionInput;
import org.responsepolicy.ruleset.RuleSet;

/**
 * Runs policy test cases against a rule set, without HTTP or database: exactly the evaluation the API
 * performs. Thread-safe.
 */
public final class PolicyCaseRunner {

    private final ObjectMapper json;

    public PolicyCaseRunner(ObjectMapper json) {
        this.json = json;
    }

    /** Runs the cases in parallel (they share nothing but the read-only rules); results in case order. */
    public List<PolicyCaseResult> run(List<PolicyCase> cases, RuleSet rules) {
        return java.util.stream.IntStream.range(0, cases.size()).parallel()
                .mapToObj(i -> run(cases.get(i), rules, "policy-case-" + (i + 1))).toList();
    }

    PolicyCaseResult run(PolicyCase c, RuleSet rules, String defaultId) {
        Map<String, Object> body = new HashMap<>(c.mention());
        body.putIfAbsent("id", defaultId);
        body.putIfAbsent("brand", "policy-tests");
        body.putIfAbsent("visibility", "public");
        MentionInput mention;
        try {
            mention = json.convertValue(body, MentionInput.class);
        } catch (IllegalArgumentException e) {
            return new PolicyCaseResult(c, List.of("the mention cannot be read: " + e.getMessage()), "-", java.util.Set.of());
        }
        java.util.Set<String> fired = new java.util.TreeSet<>();
        // Cases run at a fixed moment, so a case that passes by day also passes at night.
        Instant at = OffsetDateTime.parse(c.at() == null ? PolicyCase.DEFAULT_TIME : c.at()).toInstant();
        Evaluator evaluator = new Evaluator(Clock.fixed(at, ZoneOffset.UTC), () -> defaultId);
        Analysis analysis = evaluator.analyze(mention, rules, null);
        Decision d = evaluator.decide(mention, analysis, rules, circumstances(c.given(), mention, analysis, rules),
                evaluator.now(), fired::add);
        return new PolicyCaseResult(c, check(c.expect(), d), summary(d), fired);
    }

    private static Circumstances circumstances(PolicyCase.Given given, MentionInput mention, Analysis analysis,
                                               RuleSet rules) {
        if (given == null) {
            return Circumstances.NONE;
        }
        BrandSettings settings = rules.brands().settingsFor(mention.brand());
        AuthorHistory history = null;
        if (given.authorHistory() != null) {
            PolicyCase.GivenHistory h = given.authorHistory();
            history = AuthorHistories.judge(h.positiveMentions(), h.negativeRecently(), h.unresolvedComplaints(),
                    analysis.sentiment().label(), settings);
        }
        Incident incident = given.incident() == null ? null : new Incident("given-by-test", given.incident().kind(),
                given.incident().issue(), given.incident().justOpened(), "an incident given by the test case");
        return new Circumstances(history, incident);
    }

    /** What in the decision does not meet the expectation; empty when it does. Also used over HTTP by QA's tests. */
    public static List<String> check(PolicyCase.Expectation e, Decision d) {
        List<String> failures = new ArrayList<>();
        Decision.AnalysisView a = d.analysis();
        if (e.language() != null && !e.language().equals(a.language())) {
            failures.add("expected language " + e.language() + " but detected " + a.language());
        }
        if (e.sentiment() != null && !e.sentiment().equals(a.sentiment().label())) {
            failures.add("expected sentiment " + e.sentiment() + " but got " + a.sentiment().label()
                    + " (score " + a.sentiment().score() + ")");
        }
        List<String> topics = a.topics().stream().map(Decision.TopicView::id).toList();
        e.topics().stream().filter(t -> !topics.contains(t))
                .forEach(t -> failures.add("expected topic " + t + " but found " + topics));
        List<String> intents = a.intents().stream().map(Decision.IntentView::id).toList();
        e.intents().stream().filter(i -> !intents.contains(i))
                .forEach(i -> failures.add("expected intent " + i + " but found " + intents));
        List<String> data = a.personalData().stream().map(Decision.PersonalDataView::type).toList();
        e.personalData().stream().filter(p -> !data.contains(p))
                .forEach(p -> failures.add("expected personal data " + p + " but found " + data));
        for (PolicyCase.ExpectedAction want : e.actions()) {
            if (d.actions().stream().noneMatch(got -> matches(want, got))) {
                failures.add("expected action " + describe(want));
            }
        }
        for (String type : e.absent()) {
            if (d.actions().stream().anyMatch(got -> got.type().equals(type))) {
                failures.add("expected no " + type + " action");
            }
        }
        return failures;
    }

    private static boolean matches(PolicyCase.ExpectedAction want, Decision.ActionView got) {
        return Objects.equals(want.type(), got.type())
                && (want.queue() == null || want.queue().equals(got.queue()))
                && (want.priority() == null || want.priority().equals(got.priority()))
                && (want.requiresApproval() == null || want.requiresApproval() == got.requiresApproval())
                && (want.replyTemplate() == null
                    || got.suggestedReply() != null && want.replyTemplate().equals(got.suggestedReply().templateId()));
    }

    private static String describe(PolicyCase.ExpectedAction a) {
        StringBuilder sb = new StringBuilder(String.valueOf(a.type()));
        if (a.queue() != null) {
            sb.append(" queue=").append(a.queue());
        }
        if (a.priority() != null) {
            sb.append(" priority=").append(a.priority());
        }
        if (a.requiresApproval() != null) {
            sb.append(" requiresApproval=").append(a.requiresApproval());
        }
        if (a.replyTemplate() != null) {
            sb.append(" replyTemplate=").append(a.replyTemplate());
        }
        return sb.toString();
    }

    public static String summary(Decision d) {
        Decision.AnalysisView a = d.analysis();
        return "language=" + a.language() + " sentiment=" + a.sentiment().label() + "(" + a.sentiment().score() + ")"
                + " topics=" + a.topics().stream().map(Decision.TopicView::id).toList()
                + " intents=" + a.intents().stream().map(Decision.IntentView::id).toList()
                + " personalData=" + a.personalData().stream().map(Decision.PersonalDataView::type).toList()
                + " actions=" + d.actions().stream()
                        .map(x -> x.type() + "(" + x.queue() + "," + x.priority() + (x.requiresApproval() ? ",approval" : "") + ")")
                        .collect(Collectors.joining(", ", "[", "]"));
    }
}
