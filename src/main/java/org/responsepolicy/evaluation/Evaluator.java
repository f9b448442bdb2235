package org.responsepolicy.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.time.OffsetDateTime;
import org.responsepolicy.analysis.Analysis;
import org.responsepolicy.analysis.PersonalDataMatch;
import org.responsepolicy.analysis.Sentiment;
import org.responsepolicy.engine.RecommendedAction;
import org.responsepolicy.engine.facts.Intent;
import org.responsepolicy.engine.facts.Mention;
import org.responsepolicy.engine.facts.PersonalData;
import org.responsepolicy.engine.facts.Topic;
import org.responsepolicy.ruleset.RuleSet;

/**
 * Turns one mention into a {@link Decision} with a given rule set: analyse, run the policies, draft the
 * replies, set deadlines. Stores nothing. Thread-safe.
 */
public final class Evaluator {

    private final Clock clock;
    private final Supplier<String> decisionIds;

    public Evaluator(Clock clock, Supplier<String> decisionIds) {
        this.clock = clock;
        this.decisionIds = decisionIds;
    }

    public Decision evaluate(MentionInput mention, RuleSet rules) {
        return evaluate(mention, rules, null);
    }

    /** @param firedRules told the name of every rule that fires, or null */
    public Decision evaluate(MentionInput mention, RuleSet rules, java.util.function.Consumer<String> firedRules) {
        return evaluate(mention, rules, firedRules, null);
    }

    /**
     * Re-evaluates a stored decision's masked text with another rule set, reusing the personal data found the
     * first time (the masks hide it from detection now). Stores nothing.
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
                publishedAt, null, null);
        List<PersonalDataMatch> known = stored.analysis().personalData().stream()
                .map(p -> new PersonalDataMatch(p.type(), p.maskedValue(), p.start(), p.end())).toList();
        return evaluate(again, rules, null, known);
    }

    private Decision evaluate(MentionInput mention, RuleSet rules, java.util.function.Consumer<String> firedRules,
                              List<PersonalDataMatch> knownPersonalData) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Sentiment callerSentiment = mention.sentiment() == null ? null
                : Sentiment.fromCaller(mention.sentiment().label(), mention.sentiment().score());
        Analysis analysis = rules.analyzer().analyze(mention.text(), mention.language(), callerSentiment, knownPersonalData);

        List<RecommendedAction> recommended = rules.engine().evaluate(
                toFact(mention, analysis),
                analysis.topics().stream().map(t -> new Topic(t.id(), t.regulated(), t.regulation(), t.evidence())).toList(),
                analysis.intents().stream().map(i -> new Intent(i.id(), i.evidence())).toList(),
                analysis.personalData().stream().map(p -> new PersonalData(p.type(), p.maskedValue())).toList(),
                firedRules);

        Instant clockStart = deadlineBase(mention, now);
        String addressAs = mention.author() == null ? null : mention.author().addressAs();
        String seed = mention.brand() + "|" + mention.id();
        List<String> issues = issuesMostImportantFirst(analysis);
        List<Decision.ActionView> actions = recommended.stream().map(a -> new Decision.ActionView(
                a.type().name(),
                a.priority().name(),
                a.queue(),
                a.dueWithin() == null ? null : clockStart.plus(a.dueWithin()),
                a.requiresApproval(),
                a.replyTemplate() == null ? null : Decision.ReplyView.from(
                        rules.replies().write(a.replyTemplate(), analysis.language(), addressAs, seed, issues)),
                a.reasons().stream().map(Decision.ReasonView::from).toList())).toList();

        return new Decision(decisionIds.get(), mention.id(), mention.brand(), rules.version(), now,
                analysis.maskedText(), Decision.AnalysisView.from(analysis), actions);
    }

    /** Regulated topics first, then other topics, then intents: what a reply should name. */
    private static List<String> issuesMostImportantFirst(Analysis a) {
        List<String> ids = new java.util.ArrayList<>();
        a.topics().stream().filter(Analysis.Finding::regulated).forEach(t -> ids.add(t.id()));
        a.topics().stream().filter(t -> !t.regulated()).forEach(t -> ids.add(t.id()));
        a.intents().forEach(i -> ids.add(i.id()));
        return ids;
    }

    /** Response times count from when the customer posted, if we know it and it is not in the future. */
    private static Instant deadlineBase(MentionInput mention, Instant now) {
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
