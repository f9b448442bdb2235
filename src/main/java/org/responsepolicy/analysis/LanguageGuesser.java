package org.responsepolicy.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the language of a short post from its letters and most common words, among the languages
 * served (pl, uk, ru, hu, en). English is the fallback. Letters decide first: і ї є ґ only occur in
 * Ukrainian, ы э ъ ё only in Russian, ą ę ł ń ś ź ż in Polish, ő ű in Hungarian.
 */
final class LanguageGuesser {

    private static final Map<String, Set<String>> COMMON_WORDS = Map.of(
            "pl", Set.of("i", "w", "nie", "na", "się", "sie", "jest", "to", "że", "ze", "co", "jak", "mam", "mnie",
                    "czy", "już", "juz", "tylko", "ale", "konto", "karta", "przez", "od", "do", "po", "dla",
                    "bardzo", "dziękuję", "dziekuje", "proszę", "prosze", "moja", "mój", "moj", "wasz", "wasza"),
            "hu", Set.of("a", "az", "és", "es", "nem", "hogy", "is", "egy", "van", "meg", "már", "mar", "csak",
                    "de", "ez", "nagyon", "köszönöm", "koszonom", "számla", "szamla", "kártya", "kartya"),
            "en", Set.of("the", "and", "is", "to", "of", "my", "i", "you", "your", "it", "not", "for", "in", "on",
                    "this", "that", "with", "have", "has", "was", "are", "can", "why", "how", "thanks", "please",
                    "a", "an", "at", "we", "new", "today", "be", "been", "will", "what", "when", "where", "me",
                    "from", "they", "our", "just", "still", "again", "there", "no", "so", "do", "did", "does"));

    String guess(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int cyrillic = 0;
        int latin = 0;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
            } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                latin++;
            }
        }
        if (cyrillic > latin) {
            return lower.matches("(?s).*[іїєґ].*") ? "uk" : "ru";
        }
        if (lower.matches("(?s).*[ąęłńśźż].*")) {
            return "pl";
        }
        if (lower.matches("(?s).*[őű].*")) {
            return "hu";
        }
        String best = "en";
        int bestCount = 0;
        String[] words = lower.split("[^\\p{L}]+");
        for (Map.Entry<String, Set<String>> lang : COMMON_WORDS.entrySet()) {
            int count = 0;
            for (String w : words) {
                if (lang.getValue().contains(w)) {
                    count++;
                }
            }
            if (count > bestCount || (count == bestCount && count > 0 && lang.getKey().equals("en"))) {
                best = lang.getKey();
                bestCount = count;
            }
        }
        return best;
    }
}
