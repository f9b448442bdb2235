package org.responsepolicy.analysis;

/**
 * A text as a reader sees it, for finding personal data: without format characters (zero-width spaces and
 * joiners, bidi marks and overrides, BOM, soft hyphens) and combining marks (variation selectors, keycaps),
 * with every decimal digit ("４", "𝟒", "٤") and full-width letter as ASCII. "4111", U+202E, "1111…", or
 * "4️⃣1️⃣1️⃣1️⃣…", or "𝟒𝟏𝟏𝟏…" all show a card number, so they are searched as one. Matches are mapped back
 * onto the original.
 */
final class VisibleText {

    private final String original;
    private final String visible;
    /** For each char of {@link #visible}: where its code point starts in {@link #original}. */
    private final int[] origin;

    private VisibleText(String original, String visible, int[] origin) {
        this.original = original;
        this.visible = visible;
        this.origin = origin;
    }

    static VisibleText of(String text) {
        StringBuilder visible = new StringBuilder(text.length());
        int[] origin = new int[text.length()];
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!invisible(cp)) {
                for (char c : Character.toChars(plain(cp))) {
                    origin[visible.length()] = i;
                    visible.append(c);
                }
            }
            i += Character.charCount(cp);
        }
        return new VisibleText(text, visible.toString(), origin);
    }

    /** Any decimal digit as its ASCII digit; full-width forms ("ＰＬ６１") as ASCII; everything else as is. */
    private static int plain(int cp) {
        if (cp < 0x80) {
            return cp;
        }
        if (Character.isDigit(cp)) {
            return '0' + Character.digit(cp, 10);
        }
        return cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : cp;
    }

    private static boolean invisible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK -> true;
            default -> false;
        };
    }

    String text() {
        return visible;
    }

    boolean sameAsOriginal() {
        return visible.equals(original);
    }

    /**
     * The match with offsets into the original text. Invisible characters inside it stay as they were; each
     * character the mask hid is hidden in the original too (a two-char digit "𝟒" becomes "**"), so the masked
     * value keeps the length of the text it replaces.
     */
    PersonalDataMatch toOriginal(PersonalDataMatch match) {
        int last = origin[match.end() - 1];
        int start = origin[match.start()];
        int end = last + Character.charCount(original.codePointAt(last));
        if (match.maskedValue().length() != match.end() - match.start()) {
            return new PersonalDataMatch(match.type(), hideAll(original.substring(start, end)), start, end);
        }
        StringBuilder masked = new StringBuilder(end - start);
        int v = match.start();
        for (int i = start; i < end; ) {
            int cp = original.codePointAt(i);
            int n = Character.charCount(cp);
            if (v < match.end() && origin[v] == i) {
                int shown = match.maskedValue().codePointAt(v - match.start());
                if (shown == visible.codePointAt(v)) {
                    masked.append(original, i, i + n);
                } else {
                    masked.append(Character.toString(shown).repeat(n));
                }
                v += Character.charCount(visible.codePointAt(v));
            } else {
                masked.append(original, i, i + n);
            }
            i += n;
        }
        return new PersonalDataMatch(match.type(), masked.toString(), start, end);
    }

    /** Every letter and digit as '*' (one per char), for a masked value that does not line up with its text. */
    private static String hideAll(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                out.append("*".repeat(Character.charCount(cp)));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
