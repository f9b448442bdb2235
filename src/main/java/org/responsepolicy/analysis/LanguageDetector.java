package org.responsepolicy.analysis;

import static com.github.pemistahl.lingua.api.Language.*;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Detects the language of a mention among the languages served (en, pl, uk, ru, hu), and recognises
 * neighbours a bank's customers also write (German, Czech, Slovak, …) so the policies can hand those to a
 * person. Almost every mention is in a served language, and statistical detection is unreliable on a few
 * words ("Thanks!" looks Lithuanian to it), so another language wins only on enough text and by a clear
 * margin. Letters decide Ukrainian vs Russian first (і ї є ґ are only Ukrainian, ы э ъ ё only Russian);
 * the lingua library scores the rest; the most common words of the served languages break near-ties.
 * Text with too few letters to tell comes back as {@code und}. This class is thread-safe.
 */
final class LanguageDetector {

    static final Set<String> SERVED = Set.of("en", "pl", "uk", "ru", "hu");
    static final String UNDETERMINED = "und";

    /** Below this many letters a non-served language is never chosen over a served one. */
    private static final int LETTERS_TO_TRUST_ANOTHER_LANGUAGE = 20;
    /** How much more confident lingua must be in another language than in the best served one. */
    private static final double MARGIN_FOR_ANOTHER_LANGUAGE = 0.15;
    private static final int LONG_TEXT_LETTERS = 60;
    private static final int SAMPLE_CHARS = 200;
    private static final double MARGIN_ON_LONG_TEXT = 0.03;
    private static final Set<Language> SERVED_LANGUAGES = Set.of(ENGLISH, POLISH, UKRAINIAN, RUSSIAN, HUNGARIAN);

    private static final Map<Language, Set<String>> COMMON_WORDS = Map.of(
            POLISH, Set.of("nie", "się", "sie", "jest", "że", "ze", "jak", "mam", "mnie", "czy", "już", "juz", "ale",
                    "przez", "dla", "bardzo", "dzięki", "dzieki", "dziękuję", "dziekuje", "proszę", "prosze", "mój",
                    "moj", "moja", "moje", "gdzie", "kiedy", "dlaczego", "znowu", "tylko", "co", "to", "na", "w",
                    // and some words the neighbours (Czech, Slovak, Croatian) do not share, even without diacritics
                    "bo", "też", "mogę", "moge", "są", "był", "było", "jestem", "wam", "wasz", "wasza", "wasze",
                    "waszym", "jeszcze", "dzisiaj", "dziś", "dzis", "ktoś", "ktos", "czemu", "zł", "zl"),
            HUNGARIAN, Set.of("az", "és", "es", "nem", "hogy", "egy", "van", "meg", "már", "mar", "csak", "ez",
                    "nagyon", "köszönöm", "koszonom", "köszi", "koszi", "hol", "miért", "miert", "mikor", "még",
                    "nincs", "lehet", "kell", "vagy", "volt", "is", "mert", "mint", "lesz", "akkor", "pedig",
                    "után", "utan", "ami", "aki", "szerint", "hanem", "ha", "sem", "mindig", "soha", "semmi",
                    "tudom", "kérem", "kerem", "napja", "óta", "ota", "vagyok", "nekem", "engem", "szia",
                    "sziasztok", "kedves", "jó", "jo", "napot", "itt", "ott", "amit", "azt", "ezt", "ilyen",
                    "valaki", "valakinek", "majd", "most", "két", "három", "harom", "hét",
                    "tényleg", "tenyleg", "nálam", "nalam", "kene", "kéne", "egyszer", "kétszer", "ketszer", "kapom",
                    "ellenetek", "ügyfélszolgálat", "ugyfelszolgalat", "számla", "szamla", "kártya", "kartya",
                    "kártyám", "kartyam", "bankkártya", "bankkartya", "fiók", "fiok", "hitel", "pénz", "penz"),
            ENGLISH, Set.of("the", "and", "is", "to", "of", "my", "you", "your", "it", "not", "for", "this",
                    "that", "with", "have", "has", "was", "are", "can", "why", "how", "where", "what", "when",
                    "thanks", "thank", "please", "again", "still", "just", "we", "an", "at", "be", "all", "but",
                    "they", "from", "there", "now", "will", "would", "been", "got", "get", "never", "even", "any",
                    "every", "some", "them", "out", "up", "if", "what's", "whats", "i'm", "i've", "don't", "can't",
                    "another", "yes", "account", "card", "money", "refund"),
            RUSSIAN, Set.of("что", "это", "как", "мне", "меня", "уже", "все", "вы", "вас", "ваш", "ваше", "вашего",
                    "нет", "есть", "когда", "почему", "спасибо", "пожалуйста", "только", "теперь", "или", "если",
                    "был", "была", "было", "мой", "моя", "мои", "мою", "еще", "даже", "где", "кто", "очень", "можно",
                    "нужно", "опять", "снова", "сегодня", "вчера", "и", "деньги", "карту", "карта", "счет", "куда",
                    "сейчас", "год", "день", "дня", "не", "за", "по", "без", "через", "вход", "приложение"),
            UKRAINIAN, Set.of("що", "це", "як", "мені", "мене", "вже", "ви", "вас", "ваш", "немає", "коли", "чому",
                    "дякую", "будь", "тільки", "тепер", "або", "якщо", "був", "була", "було", "мій", "моя", "мої",
                    "ще", "навіть", "де", "хто", "дуже", "можна", "треба", "знову", "сьогодні", "вчора", "та", "й",
                    "і", "гроші", "картку", "картка", "рахунок", "зараз", "рік", "день", "дня", "не", "за", "по",
                    "без", "через", "вхід", "додаток", "у"));

    /** Frequent Bulgarian words that Russian does not use. */
    private static final Set<String> BULGARIAN_MARKERS = Set.of("още", "това", "тази", "са", "съм", "ще", "защо",
            "какво", "няма", "нищо", "вече", "може", "сега", "трябва", "много", "кога", "някой", "ли");

    private static boolean bulgarian(List<String> words) {
        return words.stream().anyMatch(BULGARIAN_MARKERS::contains);
    }

    /** Loads lingua's models on another thread now, so the first mention does not wait for them. */
    static void preloadInBackground() {
        // Its own thread: on two cores the common pool has a single worker, which start-up needs for the rules.
        Thread loading = new Thread(() -> Lingua.DETECTOR.hashCode(), "language-models");
        loading.setDaemon(true);
        loading.start();
    }

    String detect(String text) {
        boolean ukrainianLetters = false;
        boolean russianLetters = false;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (Character.isLetter(c)) {
                letters++;
            }
            switch (c) {
                case 'і', 'ї', 'є', 'ґ' -> ukrainianLetters = true;
                case 'ы', 'э', 'ъ', 'ё' -> russianLetters = true;
                default -> { }
            }
        }
        if (letters == 0) {
            return UNDETERMINED;
        }
        String byLetters = decidedByLetters(text, ukrainianLetters, russianLetters);
        if (byLetters != null) {
            return byLetters;
        }
        String byWords = decidedByCommonWords(text);
        if (byWords != null) {
            return byWords;
        }
        SortedMap<Language, Double> confidence = Lingua.DETECTOR.computeLanguageConfidenceValues(sample(text));
        if (confidence.isEmpty()) {
            return UNDETERMINED;
        }
        Language top = confidence.firstKey();
        if (ukrainianLetters != russianLetters && !isOtherCyrillic(top, letters)) {
            return ukrainianLetters ? "uk" : "ru";
        }
        Language bestServed = bestServed(confidence, text);
        if (bestServed == null) {
            return code(top);
        }
        if (SERVED_LANGUAGES.contains(top) || letters < LETTERS_TO_TRUST_ANOTHER_LANGUAGE) {
            return code(bestServed);
        }
        // The longer the text, the more lingua's ranking can be trusted.
        double margin = letters >= LONG_TEXT_LETTERS ? MARGIN_ON_LONG_TEXT : MARGIN_FOR_ANOTHER_LANGUAGE;
        List<String> words = words(text);
        boolean clearlyAnother = confidence.get(top) - confidence.get(bestServed) >= margin
                && (commonWords(bestServed, words) < 2 || bestServed == RUSSIAN && bulgarian(words));
        return code(clearlyAnother ? top : bestServed);
    }

    /**
     * Letters only one language uses decide without statistics (and save lingua's time): ą ę ł → Polish
     * unless Czech/Slovak letters appear too, ő ű → Hungarian, ў → Belarusian, ђ ћ → Serbian, ѓ ќ ѕ →
     * Macedonian (at least two of them for Polish and Hungarian), і ї є ґ without ы э ъ ё → Ukrainian and the reverse → Russian (unless ў, ј, љ, њ, џ appear),
     * ö with two of á é í ó ú (and no Czech, Slovak, German or Icelandic letters) → Hungarian.
     */
    private static String decidedByLetters(String text, boolean ukrainianLetters, boolean russianLetters) {
        int polish = 0;
        int hungarian = 0;
        boolean westSlavicOther = false;
        boolean otherCyrillic = false;
        boolean umlaut = false;
        int acute = 0;
        boolean notHungarian = false;
        for (int i = 0; i < text.length(); i++) {
            switch (Character.toLowerCase(text.charAt(i))) {
                case 'ą', 'ę', 'ł', 'ś', 'ź', 'ż', 'ć', 'ń' -> polish++;
                case 'ő', 'ű' -> hungarian++;
                case 'ü' -> westSlavicOther = true; // Spanish writes ü beside acute accents too (vergüenza)
                case 'ě', 'ř', 'ů', 'ľ', 'ĺ', 'ŕ', 'ô', 'ä', 'ß' -> {
                    westSlavicOther = true;
                    notHungarian = true;
                }
                case 'č', 'š', 'ž', 'ť', 'ď', 'ň', 'ñ', '¿', '¡', 'è', 'à', 'ç', 'ê', 'â', 'î', 'û', 'ë', 'ï' ->
                        notHungarian = true;
                case 'ö' -> umlaut = true;
                case 'þ', 'ð', 'æ' -> notHungarian = true; // Icelandic also writes ö beside acute accents
                case 'á', 'é', 'í', 'ó', 'ú' -> acute++;
                case 'ў', 'ђ', 'ћ', 'ѓ', 'ќ', 'ѕ', 'ј', 'љ', 'њ', 'џ' -> otherCyrillic = true;
                default -> { }
            }
        }
        if (otherCyrillic) {
            return null;
        }
        if (ukrainianLetters != russianLetters) {
            return ukrainianLetters ? "uk" : "ru";
        }
        // Two letters at least: one "Gdańsk" or "Győr" in an English post does not make it Polish or Hungarian.
        if (polish >= 2 && hungarian == 0 && !westSlavicOther) {
            return "pl";
        }
        if (hungarian >= 2 && polish == 0 && !westSlavicOther) {
            return "hu";
        }
        // ö beside two of á é í ó ú: German has no acute accents, Czech, Slovak and Spanish no ö ("Köszi, imádom",
        // "Köszönöm, már működik"); one accent may be a borrowed name ("Café Möller"); Icelandic letters rule it out.
        if (umlaut && acute >= 2 && polish == 0 && !notHungarian) {
            return "hu";
        }
        return null;
    }

    /** The first ~200 characters, cut at a space: enough to tell the language, and lingua's time grows with length. */
    private static String sample(String text) {
        if (text.length() <= SAMPLE_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SAMPLE_CHARS);
        return text.substring(0, cut > SAMPLE_CHARS / 2 ? cut : SAMPLE_CHARS);
    }

    /**
     * Plenty of one served language's most common words, and clearly fewer of any other's, decide without
     * statistics: most mentions are settled here, in microseconds instead of lingua's tenth of a millisecond.
     * Czech and Slovak letters send the text to lingua, since those languages share many Polish words.
     */
    private static String decidedByCommonWords(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (Character.toLowerCase(text.charAt(i))) {
                case 'ě', 'ř', 'ů', 'ľ', 'ĺ', 'ŕ', 'ô', 'ä', 'ß', 'ü', 'č', 'š', 'ž', 'ť', 'ď', 'ň',
                        'ў', 'ђ', 'ћ', 'ѓ', 'ќ', 'ѕ', 'ј', 'љ', 'њ', 'џ' -> {
                    // Czech, Slovak and German share words with Polish; Belarusian, Serbian and Macedonian with
                    // Russian and Ukrainian.
                    return null;
                }
                default -> { }
            }
        }
        Language best = null;
        int bestCount = 0;
        int secondCount = 0;
        List<String> words = words(text);
        if (bulgarian(words)) {
            return null; // Bulgarian shares Russian's common words; lingua tells them apart
        }
        for (Language language : COMMON_WORDS.keySet()) {
            int count = commonWords(language, words);
            if (count > bestCount) {
                secondCount = bestCount;
                bestCount = count;
                best = language;
            } else if (count > secondCount) {
                secondCount = count;
            }
        }
        return bestCount >= 3 && bestCount - secondCount >= 2 ? code(best) : null;
    }

    /** Belarusian also writes і; Bulgarian, Serbian and Macedonian share Russian-looking words. */
    private static boolean isOtherCyrillic(Language top, int letters) {
        return letters >= LETTERS_TO_TRUST_ANOTHER_LANGUAGE
                && (top == BELARUSIAN || top == BULGARIAN || top == SERBIAN || top == MACEDONIAN);
    }

    /** The served language lingua scores highest, with common words breaking near-ties. */
    private static Language bestServed(SortedMap<Language, Double> confidence, String text) {
        Language best = null;
        double bestScore = -1;
        for (Map.Entry<Language, Double> e : confidence.entrySet()) {
            if (SERVED_LANGUAGES.contains(e.getKey())) {
                double score = e.getValue() + 0.05 * commonWords(e.getKey(), text);
                if (score > bestScore) {
                    best = e.getKey();
                    bestScore = score;
                }
            }
        }
        return best;
    }

    private static int commonWords(Language language, String text) {
        return commonWords(language, words(text));
    }

    private static int commonWords(Language language, List<String> textWords) {
        Set<String> common = COMMON_WORDS.get(language);
        if (common == null) {
            return 0;
        }
        int n = 0;
        for (String w : textWords) {
            if (common.contains(w)) {
                n++;
            }
        }
        return n;
    }

    /** The text's words, lower-cased: runs of letters. */
    private static List<String> words(String text) {
        List<String> words = new java.util.ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean letter = i < lower.length() && Character.isLetter(lower.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words.add(lower.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    private static String code(Language language) {
        return language == UNKNOWN ? UNDETERMINED : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    /** lingua's models for these languages: built once per JVM (about a second, ~30 MB), immutable. */
    private static final class Lingua {
        static final com.github.pemistahl.lingua.api.LanguageDetector DETECTOR = LanguageDetectorBuilder
                .fromLanguages(ENGLISH, POLISH, UKRAINIAN, RUSSIAN, HUNGARIAN,
                        // neighbours a CEE bank's customers also write in; each extra language costs time
                        GERMAN, CZECH, SLOVAK, FRENCH, SPANISH, ROMANIAN, BELARUSIAN, BULGARIAN, SERBIAN,
                        MACEDONIAN)
                .withLowAccuracyMode()
                .withPreloadedLanguageModels()
                .build();
    }
}
