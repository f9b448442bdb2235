package org.responsepolicy.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.responsepolicy.analysis.Analysis;
import org.responsepolicy.analysis.PersonalDataMatch;
import org.responsepolicy.analysis.Sentiment;
import org.responsepolicy.brand.BrandSettings;
import org.responsepolicy.engine.RecommendedAction;
import org.responsepolicy.engine.facts.ActionType;
import org.responsepolicy.engine.facts.Intent;
import org.responsepolicy.engine.facts.Mention;
import org.responsepolicy.engine.facts.PersonalData;
import org.responsepolicy.engine.facts.Topic;
import org.responsepolicy.ruleset.RuleSet;

/**
 * Turns one mention into a {@link Decision} with a given rule set: analyse, run the policies with the
 * circumstances (staffed hours, reach, author history, incidents), draft the replies, set deadlines under the
 * brand's settings. Stores nothing. Thread-safe.
 */
public final class Evaluator {

    private final Clock clock;
    private final Supplier<String> decisionIds;
    private final org.responsepolicy.engine.EvaluationBudget budget;
    private final org.responsepolicy.engine.RuleFirings ruleFirings;

    public Evaluator(Clock clock, Supplier<String> decisionIds) {
        this(clock, decisionIds, org.responsepolicy.engine.EvaluationBudget.DEFAULT);
    }

    /** @param budget what one evaluation may take before it fails with {@code RuleFailureException} */
    public Evaluator(Clock clock, Supplier<String> decisionIds, org.responsepolicy.engine.EvaluationBudget budget) {
        this(clock, decisionIds, budget, org.responsepolicy.engine.RuleFirings.NONE);
    }

    /** @param ruleFirings told how often each rule fired in each evaluation (for the metrics) */
    public Evaluator(Clock clock, Supplier<String> decisionIds, org.responsepolicy.engine.EvaluationBudget budget,
                     org.responsepolicy.engine.RuleFirings ruleFirings) {
        this.clock = clock;
        this.decisionIds = decisionIds;
        this.budget = budget;
        this.ruleFirings = ruleFirings;
    }

    /** A dry run: the author's history and any incident are not consulted. */
    public Decision evaluate(MentionInput mention, RuleSet rules) {
        return evaluate(mention, rules, null);
    }

    /** @param firedRules told the name of every rule that fires, or null */
    public Decision evaluate(MentionInput mention, RuleSet rules, Consumer<String> firedRules) {
        Instant now = now();
        return decide(mention, analyze(mention, rules, null), rules, Circumstances.NONE, now, firedRules);
    }

    /**
     * What the server would decide for a mention sent now, for someone trying the policies out: no author history,
     * no incident, nothing stored, and the same fail-closed masking check as a stored decision.
     */
    public Decision dryRun(MentionInput mention, RuleSet rules) {
        Analysis analysis = analyze(mention, rules, null);
        Decision decision = decide(mention, analysis, rules, Circumstances.NONE, now(), null);
        return MaskingGuard.checked(decision, mention.text(), analysis, rules.analyzer());
    }

    /**
     * Re-evaluates a stored decision's masked text with another rule set, reusing the personal data found the
     * first time (the masks hide it from detection now), as of when it was first evaluated: staffed hours
     * and deadlines then, not now. Stores nothing.
     */
    public Decision reevaluate(Decision stored, String channel, String visibility, OffsetDateTime publishedAt,
                               Long authorFollowers, Boolean authorVerified, RuleSet rules) {
        MentionInput again = new MentionInput(stored.mentionId(), stored.brand(), channel, visibility, stored.maskedText(),
                stored.analysis().language(),
                "caller".equals(stored.analysis().sentiment().source())
                        ? new MentionInput.CallerSentiment(stored.analysis().sentiment().label(), stored.analysis().sentiment().score())
                        : null,
                authorFollowers == null && authorVerified == null ? null
                        : new MentionInput.Author(null, null, null, authorFollowers, authorVerified),
                publishedAt != null ? publishedAt : stored.evaluatedAt().atOffset(java.time.ZoneOffset.UTC), null, null);
        List<PersonalDataMatch> known = stored.analysis().personalData().stream()
                .map(p -> new PersonalDataMatch(p.type(), p.maskedValue(), p.start(), p.end())).toList();
        return decide(again, analyze(again, rules, known), rules, Circumstances.NONE, stored.evaluatedAt(), null);
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** @param knownPersonalData personal data found earlier in an already masked text, or null to detect it */
    public Analysis analyze(MentionInput mention, RuleSet rules, List<PersonalDataMatch> knownPersonalData) {
        Sentiment callerSentiment = mention.sentiment() == null ? null
                : Sentiment.fromCaller(mention.sentiment().label(), mention.sentiment().score());
        return rules.analyzer().analyze(mention.text(), mention.language(), callerSentiment, knownPersonalData);
    }

    /** What history needs to know about this mention. */
    public MentionHistory.Observed observed(MentionInput mention, Analysis analysis, RuleSet rules, Instant now) {
        BrandSettings settings = rules.brands().settingsFor(mention.brand());
        List<String> issues = new ArrayList<>(issuesMostImportantFirst(analysis));
        issues.removeAll(settings.crisis().notIssues());
        return new MentionHistory.Observed(mention.brand(), mention.id(), AuthorKeys.of(mention),
                postedAt(mention, now), now, analysis.sentiment().label(),
                analysis.sentiment().label().equals("negative"),
                analysis.intents().stream().anyMatch(i -> i.id().equals("question")), issues, settings);
    }

    public Decision decide(MentionInput mention, Analysis analysis, RuleSet rules, Circumstances circumstances,
                           Instant now, Consumer<String> firedRules) {
        BrandSettings settings = rules.brands().settingsFor(mention.brand());
        Instant postedAt = postedAt(mention, now);
        Moment moment = new Moment(settings, postedAt, now);
        List<Object> facts = new ArrayList<>();
        facts.add(moment.staffing());
        facts.add(ReachLevel.of(mention, settings));
        if (circumstances.authorHistory() != null) {
            facts.add(circumstances.authorHistory());
        }
        if (circumstances.incident() != null) {
            facts.add(circumstances.incident());
        }
        List<RecommendedAction> recommended = rules.engine().evaluate(
                toFact(mention, analysis),
                analysis.topics().stream().map(t -> new Topic(t.id(), t.regulated(), t.regulation(), t.evidence())).toList(),
                analysis.intents().stream().map(i -> new Intent(i.id(), i.evidence())).toList(),
                analysis.personalData().stream().map(p -> new PersonalData(p.type(), p.maskedValue())).toList(),
                facts, firedRules, budget, ruleFirings);

        String addressAs = mention.author() == null ? null : mention.author().addressAs();
        String seed = mention.brand() + "|" + mention.id();
        List<String> issues = new ArrayList<>(issuesMostImportantFirst(analysis));
        if (circumstances.incident() != null && circumstances.incident().issue() != null) {
            issues.remove(circumstances.incident().issue());
            issues.add(0, circumstances.incident().issue()); // a statement names the wave's issue
        }
        ZonedDateTime personAnswersAt = moment.personAnswersAt();
        List<Decision.ActionView> actions = recommended.stream().map(a -> {
            Deadline due = moment.deadline(a, mention.channel());
            Decision.ReplyView reply = a.replyTemplate() == null ? null : Decision.ReplyView.from(rules.replies()
                    .write(a.replyTemplate(), analysis.language(), addressAs, seed, issues, personAnswersAt));
            List<Decision.ReplyView> drafts = a.type() == ActionType.PIN_STATEMENT && a.replyTemplate() != null
                    ? statementDrafts(rules, a.replyTemplate(), analysis.language(), seed, issues) : null;
            return new Decision.ActionView(a.type().name(), a.priority().name(), a.queue(),
                    due == null ? null : due.at(), due == null ? null : due.basis(), a.requiresApproval(), reply,
                    drafts, a.labels().isEmpty() ? null : a.labels(),
                    a.reasons().stream().map(Decision.ReasonView::from).toList());
        }).toList();

        return new Decision(decisionIds.get(), mention.id(), mention.brand(), rules.version(), now,
                analysis.maskedText(), Decision.AnalysisView.from(analysis), actions,
                circumstances.incident() == null ? null : circumstances.incident().id());
    }

    /** One statement for everyone: drafted in every language, the mention's own first. */
    private static List<Decision.ReplyView> statementDrafts(RuleSet rules, String template, String language,
                                                           String seed, List<String> issues) {
        List<String> languages = new ArrayList<>(rules.replies().languagesWith(template));
        if (languages.remove(language)) {
            languages.add(0, language);
        }
        return languages.stream().map(l -> Decision.ReplyView.from(
                rules.replies().write(template, l, null, seed, issues, null))).toList();
    }

    /** Regulated topics first, then other topics, then intents: what a reply should name. */
    private static List<String> issuesMostImportantFirst(Analysis a) {
        List<String> ids = new ArrayList<>();
        a.topics().stream().filter(Analysis.Finding::regulated).forEach(t -> ids.add(t.id()));
        a.topics().stream().filter(t -> !t.regulated()).forEach(t -> ids.add(t.id()));
        a.intents().forEach(i -> ids.add(i.id()));
        return ids;
    }

    /**
     * When the customer posted: publishedAt if known and not in the future. Staffed hours, deadlines and
     * history all count from then, so a backfill is judged as of its own time.
     */
    static Instant postedAt(MentionInput mention, Instant now) {
        if (mention.publishedAt() == null) {
            return now;
        }
        Instant published = mention.publishedAt().toInstant();
        return published.isAfter(now) ? now : published;
    }

    private static Mention toFact(MentionInput m, Analysis a) {
        MentionInput.Author author = m.author();
        return new Mention(m.brand(), m.channel(), m.visibility(), a.language(), a.languageSupported(),
                a.sentiment().label(), a.sentiment().score(), a.sentiment().confidence(), a.sentiment().source(),
                a.maskedText(),
                author == null || author.followers() == null ? 0 : author.followers(),
                author != null && Boolean.TRUE.equals(author.verified()));
    }
}
