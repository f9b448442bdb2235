package org.responsepolicy.evaluation;

import java.time.Instant;
import java.util.List;
import org.responsepolicy.analysis.Analysis;
import org.responsepolicy.analysis.PersonalDataMatch;
import org.responsepolicy.engine.facts.Reason;
import org.responsepolicy.reply.SuggestedReply;

/**
 * What the server decided for one mention: the answer of {@code POST /v1/mentions/evaluate}, and the
 * audit record. Holds the masked text only.
 */
public record Decision(String decisionId, String mentionId, String brand, String rulesetVersion, Instant evaluatedAt,
                       String maskedText, AnalysisView analysis, List<ActionView> actions, String incidentId) {

    /** The same decision with another masked text (to withhold a text whose masking could not be verified). */
    public Decision withMaskedText(String text) {
        return new Decision(decisionId, mentionId, brand, rulesetVersion, evaluatedAt, text, analysis, actions,
                incidentId);
    }


    public record AnalysisView(String language, SentimentView sentiment, List<PersonalDataView> personalData,
                               List<TopicView> topics, List<IntentView> intents) {

        static AnalysisView from(Analysis a) {
            return new AnalysisView(a.language(),
                    new SentimentView(a.sentiment().label(), a.sentiment().score(), a.sentiment().confidence(),
                            a.sentiment().source()),
                    a.personalData().stream().map(PersonalDataView::from).toList(),
                    a.topics().stream().map(t -> new TopicView(t.id(), t.regulated(), t.regulation(), t.evidence())).toList(),
                    a.intents().stream().map(i -> new IntentView(i.id(), i.evidence())).toList());
        }
    }

    public record SentimentView(String label, double score, double confidence, String source) {
    }

    /** @param start offset in the text (UTF-16 units); the masked text has the same length there */
    public record PersonalDataView(String type, String maskedValue, int start, int end) {

        static PersonalDataView from(PersonalDataMatch m) {
            return new PersonalDataView(m.type(), m.maskedValue(), m.start(), m.end());
        }
    }

    /** @param regulation for regulated topics: the rules it falls under */
    public record TopicView(String id, boolean regulated, String regulation, List<String> evidence) {
    }

    public record IntentView(String id, List<String> evidence) {
    }

    /**
     * @param dueBy      null for NO_ACTION
     * @param dueByBasis how the deadline follows from the brand's settings, e.g. {@code P2 on twitter: 30m of staffed time}
     * @param labels     what kind of work it is, e.g. {@code after-hours}, {@code crisis}, {@code advocate-engagement}
     * @param statementDrafts for PIN_STATEMENT: the statement in every language, the mention's language first
     */
    public record ActionView(String type, String priority, String queue, Instant dueBy, String dueByBasis,
                             boolean requiresApproval, ReplyView suggestedReply, List<ReplyView> statementDrafts,
                             List<String> labels, List<ReasonView> reasons) {
    }

    public record ReplyView(String language, String text, String templateId) {

        static ReplyView from(SuggestedReply r) {
            return r == null ? null : new ReplyView(r.language(), r.text(), r.templateId());
        }
    }

    public record ReasonView(String policy, String rule, String description, String regulation, List<String> evidence) {

        static ReasonView from(Reason r) {
            return new ReasonView(r.policy(), r.rule(), r.description(), r.regulation(), r.evidence());
        }
    }
}
