package org.responsepolicy.analysis;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Mentions for property tests: personal data with valid check digits, written the many ways people write
 * it, inside Polish, Ukrainian, Russian, Hungarian and English words, emoji, zero-width and bidi controls.
 */
final class HostileText {

    private HostileText() {
    }

    /** A piece of personal data as written in the text, and what must not survive masking. */
    record Secret(String kind, String written, String mustNotSurvive) {
    }

    record Mention(String text, List<Secret> secrets) {
        @Override
        public String toString() {
            return escaped(text) + " with " + secrets;
        }
    }

    /**
     * Words that never make a number look like something else. "kredyt", "kredit", "zlecenie" and "złożyłem"
     * begin like a currency ("kr", "zl", "zł") on purpose: a phone number followed by them is still a phone number.
     */
    static final List<String> WORDS = List.of(
            "dzień", "dobry", "proszę", "pilnie", "aplikacja", "przelew", "kredyt", "zlecenie", "złożyłem", "pomocy", "źle",
            "żółć", "gęślą", "jaźń", "привіт", "будь", "ласка", "картка", "терміново", "дякую", "їжак", "ґанок",
            "здравствуйте", "пожалуйста", "срочно", "спасибо", "помогите", "съёмка", "kérem", "sürgős", "számla",
            "köszönöm", "hitel", "kredit", "őszintén", "hello", "please", "urgent", "blocked", "thanks", "help",
            "שלום", "مرحبا", "e\u0301tude");

    /** Emoji with skin tones, zero-width joiners, flags and variation selectors. */
    static final List<String> EMOJI = List.of(
            "😀", "👍🏽", "👨‍👩‍👧", "🇵🇱", "🇺🇦", "❤️", "🙏", "💳", "🏦", "😡", "🤬", "👏");

    /**
     * Invisible characters: zero-width space, non-joiner, joiner, LRM, RLM, bidi embeddings and overrides
     * (U+202A–U+202E), isolates (U+2066–U+2069), word joiner, BOM, soft hyphen.
     */
    static final List<String> INVISIBLE = List.of(
            "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
            "\u2066", "\u2067", "\u2068", "\u2069", "\u2060", "\ufeff", "\u00ad");

    /** What may touch personal data directly: punctuation, emoji and invisible characters, never a letter. */
    static Arbitrary<String> wrapper() {
        return Arbitraries.oneOf(Arbitraries.of("", " ", ":", "(", ")", ",", ".", "\"", "«", "»", "“", "\n"),
                Arbitraries.of(EMOJI), Arbitraries.of(INVISIBLE));
    }

    static Arbitrary<String> filler() {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(WORDS)), Tuple.of(2, Arbitraries.of(EMOJI)),
                Tuple.of(2, Arbitraries.of(INVISIBLE)));
        Arbitrary<String> space = Arbitraries.of(" ", " ", " ", "\u00a0", "\n", "\u3000", "\u2028");
        return Combinators.combine(Arbitraries.of(WORDS), token.list().ofMaxSize(5), space)
                .as((word, tokens, sp) -> {
                    List<String> all = new ArrayList<>(tokens);
                    all.add(word);
                    return " " + String.join(sp, all) + " ";
                });
    }

    static Arbitrary<String> separator() {
        return Arbitraries.of("", " ", "-", ".", "/", "_", "\u00a0", "\u2009", "\u202f", "\u200b", " - ", "  ",
                "\u2013", "\n");
    }

    /** Digits in groups of {@code size}, each gap its own separator. */
    static Arbitrary<String> grouped(String digits, int size) {
        int groups = (digits.length() + size - 1) / size;
        return separator().list().ofSize(Math.max(groups - 1, 0)).map(seps -> {
            StringBuilder out = new StringBuilder();
            for (int g = 0; g < groups; g++) {
                if (g > 0) {
                    out.append(seps.get(g - 1));
                }
                out.append(digits, g * size, Math.min(digits.length(), (g + 1) * size));
            }
            return out.toString();
        });
    }

    static Arbitrary<Secret> cards() {
        return ValidNumbers.cardNumbers().flatMap(d -> grouped(d, 4).map(w -> new Secret("card", w, d)));
    }

    static Arbitrary<Secret> ibans() {
        Arbitrary<Secret> international = ValidNumbers.ibans().flatMap(iban -> Arbitraries.of(
                        iban, iban.toLowerCase(Locale.ROOT), iban.replaceAll("(.{4})(?!$)", "$1 "),
                        "IBAN: " + iban.replaceAll("(.{4})(?!$)", "$1 "))
                .map(w -> new Secret("iban", w, digitsOf(iban))));
        // A Polish NRB is the IBAN without "PL": 2 + 6 × 4 digits.
        Arbitrary<Secret> nrb = ValidNumbers.digits(24).map(bban -> ValidNumbers.iban("PL", bban).substring(2))
                .flatMap(d -> Combinators.combine(separator(), separator()).as((a, b) ->
                        new Secret("nrb", d.substring(0, 2) + a + d.substring(2).replaceAll("(.{4})(?!$)", "$1" + b), d)));
        return Arbitraries.oneOf(international, nrb);
    }

    static Arbitrary<Secret> nationalIds() {
        return Arbitraries.oneOf(
                ValidNumbers.pesels().flatMap(p -> Arbitraries.of(p, "PESEL " + p, "pesel:" + p)
                        .map(w -> new Secret("pesel", w, p))),
                ValidNumbers.nips().flatMap(n -> Arbitraries.of("NIP " + n, "NIP: " + n,
                                n.substring(0, 3) + "-" + n.substring(3, 6) + "-" + n.substring(6, 8) + "-" + n.substring(8))
                        .map(w -> new Secret("nip", w, n))),
                ValidNumbers.tenIsZero(ValidNumbers.RNOKPP_WEIGHTS).map(n -> new Secret("rnokpp", "РНОКПП " + n, n)),
                ValidNumbers.tenIsZero(ValidNumbers.INN10_WEIGHTS).map(n -> new Secret("inn", "ИНН " + n, n)),
                ValidNumbers.inn12s().map(n -> new Secret("inn", n, n)),
                ValidNumbers.snilses().flatMap(n -> Arbitraries.of("СНИЛС " + n,
                                n.substring(0, 3) + "-" + n.substring(3, 6) + "-" + n.substring(6, 9) + " " + n.substring(9))
                        .map(w -> new Secret("snils", w, n))),
                ValidNumbers.tajs().map(n -> new Secret("taj", "TAJ " + n.substring(0, 3) + " " + n.substring(3, 6)
                        + " " + n.substring(6), n)),
                ValidNumbers.hungarianTaxIds().map(n -> new Secret("hu_tax", "adóazonosító jel: " + n, n)));
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** Valid mobile numbers of the served countries, written internationally or nationally after "tel.". */
    static Arbitrary<Secret> phones() {
        return Combinators.combine(Arbitraries.of("PL", "UA", "RU", "HU", "GB"), ValidNumbers.digits(5),
                        Arbitraries.of(PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL,
                                PhoneNumberUtil.PhoneNumberFormat.E164, PhoneNumberUtil.PhoneNumberFormat.NATIONAL))
                .as((region, tail, format) -> {
                    String national = String.valueOf(PHONES.getExampleNumberForType(region,
                            PhoneNumberUtil.PhoneNumberType.MOBILE).getNationalNumber());
                    String changed = national.substring(0, national.length() - tail.length()) + tail;
                    try {
                        PhoneNumber number = PHONES.parse(changed, region);
                        if (!PHONES.isValidNumber(number)
                                || PHONES.getNumberType(number) != PhoneNumberUtil.PhoneNumberType.MOBILE) {
                            return null;
                        }
                        String written = PHONES.format(number, format);
                        return new Secret("phone", format == PhoneNumberUtil.PhoneNumberFormat.NATIONAL
                                ? "tel. " + written : written, digitsOf(written));
                    } catch (NumberParseException e) {
                        return null;
                    }
                })
                .filter(java.util.Objects::nonNull);
    }

    static Arbitrary<Secret> emails() {
        Arbitrary<String> local = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789._-+ąęółżźćńś")
                .ofMinLength(1).ofMaxLength(20).filter(s -> Character.isLetterOrDigit(s.charAt(0)));
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789żółw")
                .ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> tld = Arbitraries.of("pl", "com", "ua", "ru", "hu", "co.uk", "bank");
        return Combinators.combine(local, label, tld).as((l, d, t) -> {
            String email = l + "@" + d + "." + t;
            return new Secret("email", email, email);
        });
    }

    static Arbitrary<Secret> anySecret() {
        return Arbitraries.oneOf(cards(), ibans(), nationalIds(), phones(), emails());
    }

    /** How a digit may be drawn: ASCII, full-width, mathematical bold or monospace, or as a keycap emoji. */
    static String restyle(int digit, int style) {
        return switch (style) {
            case 1 -> String.valueOf((char) ('\uff10' + digit));
            case 2 -> Character.toString(0x1D7CE + digit);
            case 3 -> Character.toString(0x1D7F6 + digit);
            case 4 -> digit + "\ufe0f\u20e3";
            default -> String.valueOf(digit);
        };
    }

    /**
     * Personal data disguised the way a hostile or playful writer might: invisible characters between any
     * two characters, digits drawn in another style. A reader still sees the number, so it must be masked.
     */
    static Arbitrary<Secret> disguisedSecrets() {
        Arbitrary<List<String>> insertions = Arbitraries.oneOf(Arbitraries.of(INVISIBLE), Arbitraries.of(
                "\u200e\u200f", "\u202e\u202c", "\u2066\u2069", "\u0301")).list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(anySecret(), insertions, Arbitraries.integers().list().ofSize(4),
                Arbitraries.integers().between(0, 4)).as((secret, invisible, positions, style) -> {
            List<String> pieces = new ArrayList<>();
            secret.written().codePoints().forEach(cp -> pieces.add(secret.kind().equals("email") || !Character.isDigit(cp)
                    ? Character.toString(cp) : restyle(Character.digit(cp, 10), style)));
            for (int i = 0; i < invisible.size(); i++) {
                int at = 1 + Math.floorMod(positions.get(i), Math.max(pieces.size() - 1, 1));
                pieces.add(at, invisible.get(i));
            }
            return new Secret(secret.kind(), String.join("", pieces), secret.mustNotSurvive());
        });
    }

    /** The text without format characters and combining marks: what a reader makes of it. */
    static String visible(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().filter(cp -> switch (Character.getType(cp)) {
            case Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK -> false;
            default -> true;
        }).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Personal data with what touches it on either side, and the words that follow. */
    private record Part(String before, Secret secret, String after, String filler) {
    }

    static Arbitrary<Mention> mentions() {
        return mentions(anySecret());
    }

    static Arbitrary<Mention> mentions(Arbitrary<Secret> secrets) {
        Arbitrary<Part> part = Combinators.combine(wrapper(), secrets, wrapper(), filler()).as(Part::new);
        return Combinators.combine(filler(), part.list().ofMinSize(1).ofMaxSize(4)).as((start, parts) -> {
            StringBuilder text = new StringBuilder(start);
            for (Part p : parts) {
                text.append(p.before()).append(p.secret().written()).append(p.after()).append(p.filler());
            }
            return new Mention(text.toString(), parts.stream().map(Part::secret).toList());
        });
    }

    /** Only the decimal digits, as ASCII, whatever script or width they were written in. */
    static String digitsOf(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().filter(Character::isDigit).forEach(cp -> out.append(Character.digit(cp, 10)));
        return out.toString();
    }

    /** Whether every surrogate is half of a pair. */
    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static String escaped(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f || Character.isLetterOrDigit(c) && c < 0x2000 ? String.valueOf(c)
                    : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
