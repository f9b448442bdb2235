package org.responsepolicy.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Digit groups that belong together: "4111 1111 1111 1111", "44051401359", "61-1090-1014-…". Any Unicode
 * decimal digit counts (full-width digits too). Found by one linear scan, no regular expression.
 */
final class DigitRun {

    /** Words after which a number glued to the letters is still an identifier ("pesel44051401359"). */
    private static final Set<String> ID_KEYWORDS = Set.of("pesel", "nip", "regon", "inn", "инн", "снилс", "snils",
            "taj", "rnokpp", "рнокпп", "іпн", "ипн", "nr", "no", "tel", "telefon", "tel.", "iban", "konto", "karta", "card");

    private final int[] starts;
    private final int[] ends;
    private final String[] digits;
    private final boolean startsAfterLetter;

    private DigitRun(List<int[]> spans, List<String> digits, boolean startsAfterLetter) {
        this.starts = spans.stream().mapToInt(g -> g[0]).toArray();
        this.ends = spans.stream().mapToInt(g -> g[1]).toArray();
        this.digits = digits.toArray(String[]::new);
        this.startsAfterLetter = startsAfterLetter;
    }

    static List<DigitRun> all(String text) {
        List<DigitRun> runs = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!Character.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            boolean afterLetter = i > 0 && Character.isLetter(text.charAt(i - 1));
            List<int[]> spans = new ArrayList<>();
            List<String> groupDigits = new ArrayList<>();
            boolean endsInLetter = false;
            while (true) {
                int s = i;
                StringBuilder d = new StringBuilder();
                while (i < n && Character.isDigit(text.charAt(i))) {
                    d.append((char) ('0' + Character.digit(text.charAt(i), 10)));
                    i++;
                }
                spans.add(new int[] {s, i});
                groupDigits.add(d.toString());
                int gap = i;
                while (gap < n && gap - i < Separators.MAX_GAP && Separators.is(text.charAt(gap))) {
                    gap++;
                }
                if (gap > i && gap < n && Character.isDigit(text.charAt(gap))) {
                    i = gap;
                } else {
                    endsInLetter = i < n && Character.isLetter(text.charAt(i));
                    break;
                }
            }
            if (!endsInLetter || spans.size() > 1) {
                runs.add(new DigitRun(spans, groupDigits, afterLetter));
            }
        }
        return runs;
    }

    int groups() {
        return starts.length;
    }

    int start(int group) {
        return starts[group];
    }

    int end(int group) {
        return ends[group];
    }

    String digits(int group) {
        return digits[group];
    }

    int length(int group) {
        return digits[group].length();
    }

    int digitCountUpTo(int from, int to) {
        int count = 0;
        for (int g = from; g <= to; g++) {
            count += digits[g].length();
        }
        return count;
    }

    boolean startsAfterLetter() {
        return startsAfterLetter;
    }

    /** Whether the letters glued to the first digit form a word like "pesel" or "nr". */
    boolean afterIdKeyword(String text) {
        int end = starts[0];
        int begin = end;
        while (begin > 0 && Character.isLetter(text.charAt(begin - 1))) {
            begin--;
        }
        return ID_KEYWORDS.contains(text.substring(begin, end).toLowerCase(Locale.ROOT));
    }
}
