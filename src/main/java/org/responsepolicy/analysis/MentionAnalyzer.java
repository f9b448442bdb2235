package org.responsepolicy.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns a mention's text into an {@link Analysis}: language, sentiment, personal data (masked),
 * topics and intents. Built once per rule set from the word lists in {@code rules/}.
 * This class is immutable and thread-safe.
 */
public final class MentionAnalyzer {

    /** Languages whose words are always checked too: customers mix English into every language. */
    private static final String MIXED_IN = "en";

    private final LanguageDetector languages = new LanguageDetector();
    private final PersonalDataDetector personalData = new PersonalDataDetector();
    private final Map<String, KnownForms> forms = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, TermIndex<TermList>> topicIndex = new HashMap<>();
    private final Map<String, TermIndex<TermList>> intentIndex = new HashMap<>();
    private final List<TermList> topicMarks = new ArrayList<>();
    private final List<TermList> intentMarks = new ArrayList<>();
    private final Map<String, SentimentScorer> sentiment = new HashMap<>();
    private final Map<String, Double> emoji;
    private final java.util.Set<String> problemSignals = new java.util.HashSet<>();
    private final List<String> sarcasmEmoji;

    /** Starts loading the language models on another thread (about a second), for a quicker start-up. */
    public static void preloadLanguageModels() {
        LanguageDetector.preloadInBackground();
    }

    /**
     * @param emoji        emoji and emoticons → signed weight (positive above zero)
     * @param sarcasmEmoji  emoji that turn praise into irony ("Genius move 👏")
     */
    public MentionAnalyzer(List<TermList> topics, List<TermList> intents, List<SentimentWords> sentimentWords,
                           Map<String, Double> emoji, List<String> sarcasmEmoji) {
        this.emoji = Map.copyOf(emoji);
        this.sarcasmEmoji = List.copyOf(sarcasmEmoji);
        index(topics, topicIndex, topicMarks);
        index(intents, intentIndex, intentMarks);
        Stream.concat(topics.stream(), intents.stream()).filter(TermList::impliesNegative)
                .forEach(t -> problemSignals.add(t.id()));
        for (SentimentWords words : sentimentWords) {
            sentiment.put(words.language(), new SentimentScorer(words, formsFor(words.language()), this.emoji));
        }
    }

    /**
     * @param callerLanguage  the caller's ISO 639-1 code, or null to detect it
     * @param callerSentiment the caller's sentiment, or null to detect it
     */
    public Analysis analyze(String text, String callerLanguage, Sentiment callerSentiment) {
        return analyze(text, callerLanguage, callerSentiment, null);
    }

    /**
     * @param knownPersonalData for re-evaluating a stored, already masked text: the personal data found when
     *                          it was first evaluated (the masks hide it from detection now); null to detect
     */
    public Analysis analyze(String text, String callerLanguage, Sentiment callerSentiment,
                            List<PersonalDataMatch> knownPersonalData) {
        String language = callerLanguage != null ? callerLanguage.toLowerCase(Locale.ROOT) : languages.detect(text);
        List<PersonalDataMatch> data = knownPersonalData != null ? knownPersonalData : personalData.find(text, language);
        String masked = knownPersonalData != null ? text : PersonalDataMasking.apply(text, data);

        Map<String, List<Token>> tokensByLanguage = new LinkedHashMap<>();
        List<Tokenizer.Word> words = Tokenizer.words(masked);
        tokensByLanguage.put(language, Tokenizer.withForms(words, formsFor(language)));
        if (!language.equals(MIXED_IN)) {
            tokensByLanguage.put(MIXED_IN, Tokenizer.withForms(words, formsFor(MIXED_IN)));
        }
        List<Analysis.Finding> topics = find(masked, tokensByLanguage, topicIndex, topicMarks);
        List<Analysis.Finding> intents = find(masked, tokensByLanguage, intentIndex, intentMarks);
        Sentiment s = callerSentiment != null ? callerSentiment
                : withProblemSignals(detectSentiment(masked, language, tokensByLanguage), masked, topics, intents);
        return new Analysis(language, s, data, topics, intents, masked);
    }

    /**
     * A customer reporting a problem (money missing, a leak, an outage, a threat to leave) is negative even
     * in plain words, and "great, thanks for blocking my card 👏" is sarcasm: word lists alone miss both.
     * Which topics and intents signal a problem is set per file in rules/ ("impliesNegative: true"); which
     * emoji mark irony is in rules/sentiment/emoji.yaml ("sarcasm"). A calm question about a problem
     * ("is the app down?") stays neutral; real praise stays positive.
     */
    private Sentiment withProblemSignals(Sentiment lexical, String text, List<Analysis.Finding> topics,
                                         List<Analysis.Finding> intents) {
        if (lexical.label().equals("negative")) {
            return lexical;
        }
        boolean problem = Stream.concat(topics.stream(), intents.stream()).anyMatch(f -> problemSignals.contains(f.id()));
        boolean ironic = lexical.label().equals("positive") && sarcasmEmoji.stream().anyMatch(text::contains);
        if (ironic && problem) {
            return negative(lexical, 0.55);
        }
        if (!problem) {
            return lexical;
        }
        boolean frustrated = FrustrationCues.present(text);
        boolean praise = intents.stream().anyMatch(i -> i.id().equals("praise"));
        boolean question = intents.stream().anyMatch(i -> i.id().equals("question"));
        boolean complaint = intents.stream().anyMatch(i -> STRONG_PROBLEMS.contains(i.id()));
        if (lexical.label().equals("positive") && praise && !frustrated && !complaint) {
            return lexical; // "thanks for unblocking my card so fast"
        }
        boolean onlyCheckable = Stream.concat(topics.stream(), intents.stream())
                .filter(f -> problemSignals.contains(f.id())).allMatch(f -> ASKABLE_PROBLEMS.contains(f.id()));
        if (lexical.label().equals("neutral") && question && !frustrated && !complaint && onlyCheckable) {
            return lexical; // "is the app down?", "is this text a scam?"
        }
        return negative(lexical, 0.6);
    }

    /** Intents that make a mention negative even beside praise or phrased as a question. */
    private static final Set<String> STRONG_PROBLEMS = Set.of("complaint", "churn_threat", "legal_threat");
    /** Problems a customer may simply ask about without complaining. */
    private static final Set<String> ASKABLE_PROBLEMS = Set.of("outage", "outage_report", "fraud");

    private static Sentiment negative(Sentiment lexical, double confidence) {
        double score = -Math.max(0.35, Math.abs(lexical.score()));
        return new Sentiment("negative", Math.round(score * 1000) / 1000.0, confidence, lexical.source());
    }

    /**
     * The text with personal data masked, exactly as {@link #analyze} would mask it; cheap enough to
     * fingerprint a mention before deciding whether to evaluate it.
     */
    public String maskedText(String text, String callerLanguage) {
        String language = callerLanguage != null ? callerLanguage.toLowerCase(Locale.ROOT) : languages.detect(text);
        return PersonalDataMasking.apply(text, personalData.find(text, language));
    }

    /** The personal data found in a text, as {@link #analyze} would find it (for checking masked text). */
    public List<PersonalDataMatch> personalDataIn(String text, String language) {
        return personalData.find(text, language);
    }

    private Sentiment detectSentiment(String masked, String language, Map<String, List<Token>> tokens) {
        SentimentScorer scorer = sentiment.get(language);
        if (scorer != null) {
            return scorer.score(masked, tokens.get(language));
        }
        return SentimentScorer.emojiOnly(masked, emoji);
    }

    private static List<Analysis.Finding> find(String text, Map<String, List<Token>> tokensByLanguage,
                                               Map<String, TermIndex<TermList>> index, List<TermList> withMarks) {
        // Keyed by list id: hashing a whole TermList record per hit was a measurable part of analysis.
        Map<String, TermList> found = new LinkedHashMap<>();
        Map<String, Set<String>> evidence = new HashMap<>();
        Map<String, List<int[]>> spans = new HashMap<>();
        tokensByLanguage.forEach((language, tokens) -> {
            TermIndex<TermList> terms = index.get(language);
            if (terms != null) {
                for (TermIndex.Hit<TermList> hit : terms.find(tokens)) {
                    // "kredytu" inside an already matched "kredytu we frankach" adds nothing to the evidence
                    List<int[]> taken = spans.computeIfAbsent(hit.key().id(), k -> new ArrayList<>());
                    if (taken.stream().noneMatch(s -> s[0] <= hit.start() && hit.end() <= s[1])) {
                        taken.add(new int[] {hit.start(), hit.end()});
                        found.putIfAbsent(hit.key().id(), hit.key());
                        evidence.computeIfAbsent(hit.key().id(), k -> new LinkedHashSet<>())
                                .add(text.substring(hit.start(), hit.end()));
                    }
                }
            }
        });
        for (TermList list : withMarks) {
            for (String mark : list.marks()) {
                if (text.contains(mark)) {
                    found.putIfAbsent(list.id(), list);
                    evidence.computeIfAbsent(list.id(), k -> new LinkedHashSet<>()).add(mark);
                }
            }
        }
        List<Analysis.Finding> out = new ArrayList<>();
        found.forEach((id, list) -> out.add(new Analysis.Finding(id, list.regulated(), list.regulation(),
                List.copyOf(evidence.get(id)))));
        return out;
    }

    private void index(List<TermList> lists, Map<String, TermIndex<TermList>> index, List<TermList> withMarks) {
        for (TermList list : lists) {
            list.terms().forEach((language, terms) -> {
                TermIndex<TermList> termIndex = index.computeIfAbsent(language, l -> new TermIndex<>(TermList::id));
                for (String term : terms) {
                    termIndex.add(Term.of(term, formsFor(language)), list);
                }
            });
            if (!list.marks().isEmpty()) {
                withMarks.add(list);
            }
        }
    }

    private KnownForms formsFor(String language) {
        return forms.computeIfAbsent(language, l -> new KnownForms(WordForms.forLanguage(l)));
    }

}
