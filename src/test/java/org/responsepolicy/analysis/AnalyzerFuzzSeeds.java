package org.responsepolicy.analysis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the seed corpus of {@link AnalyzerFuzzTest} in the byte layout its {@code FuzzedDataProvider} reads:
 * numbers and single chars from the end of the input, strings from the front in the JVM's modified UTF-8
 * (a character outside the Basic Multilingual Plane as two 3-byte surrogates). Run from the project root:
 * <pre>java src/test/java/org/responsepolicy/analysis/AnalyzerFuzzSeeds.java</pre>
 */
final class AnalyzerFuzzSeeds {

    static final Path DIR = Path.of("src/test/resources/org/responsepolicy/analysis/AnalyzerFuzzTestInputs/"
            + "analysesAnyTextWithoutThrowingOrLeakingPersonalData");
    /** Same order as {@code AnalyzerFuzzTest.LANGUAGES}. */
    static final List<String> LANGUAGES = List.of("", "pl", "uk", "ru", "hu", "en", "de", "xx", "PL");

    private AnalyzerFuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(DIR);
        text("card-split-by-zero-width-space-and-rtl-override", "",
                "Karta 4111\u200b1111\u202e1111 1111 zablokowana, pomocy");
        text("iban-and-pesel-in-bidi-isolates", "pl",
                "IBAN \u2066PL61 1090 1014 0000 0712 1981 2874\u2069 PESEL 44051401359");
        text("email-with-zero-width-joiner-and-family-emoji", "uk",
                "пишіть на jan\u200d.kowalski@example.com 👨‍👩‍👧");
        text("keycap-and-mathematical-digits", "en",
                "4️⃣1️⃣1️⃣1️⃣ 1️⃣1️⃣1️⃣1️⃣ 1️⃣1️⃣1️⃣1️⃣ 1️⃣1️⃣1️⃣1️⃣ or 𝟒𝟏𝟏𝟏 𝟏𝟏𝟏𝟏 𝟏𝟏𝟏𝟏 𝟏𝟏𝟏𝟏");
        text("phones-in-five-languages", "",
                "zadzwoń +48 601 234 567, мій +380 67 123 4567, мой 8 (916) 123-45-67, hívj 06 20 123 4567, "
                        + "call 07911 123456 kredyt");
        text("right-to-left-text-around-a-card", "",
                "مرحبا \u202eرقم 4111 1111 1111 1111\u202c שלום");
        text("only-invisible-characters", "",
                "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad");
        text("full-width-iban", "pl", "ＰＬ６１ １０９０ １０１４ ００００ ０７１２ １９８１ ２８７４");
        text("tax-ids-after-their-names", "",
                "NIP 1521398017, ІПН 2663273703, ИНН 7721547280, СНИЛС 078-666-617 27, TAJ 511 213 326");
        pieces("wall-of-emoji", "en", new Piece("😀"), Piece.repeat(65_535));
        pieces("wall-of-zero-width-joiner-sequences", "", new Piece("👨‍👩‍👧 "), Piece.repeat(20_000));
        pieces("lone-surrogates-around-a-card-and-a-phone", "", Piece.character('\ud800'),
                new Piece("4111 1111 1111 1111"), Piece.character('\udc00'), Piece.character('\udbff'),
                new Piece(" tel. +48 601 234 567 "), Piece.character('\udfff'));
        pieces("lone-high-surrogate-after-an-email", "", new Piece("anna@example.com"), Piece.character('\ud83d'),
                new Piece(" x"));
        pieces("wall-of-digit-groups", "pl", new Piece("12345 "), Piece.repeat(3_333));
    }

    /** One step of the piece sequence: a string, a single UTF-16 unit, or "repeat the previous piece n times". */
    record Piece(String string, char character, int repeat) {
        Piece(String string) {
            this(string, '\0', 0);
        }

        static Piece character(char c) {
            return new Piece(null, c, 0);
        }

        static Piece repeat(int times) {
            return new Piece(null, '\0', times);
        }
    }

    private static void text(String name, String language, String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(modifiedUtf8(text));
        out.write(1); // consumeBoolean: the rest is one text
        out.write(LANGUAGES.indexOf(language));
        write(name, out.toByteArray());
    }

    private static void pieces(String name, String language, Piece... pieces) throws IOException {
        ByteArrayOutputStream front = new ByteArrayOutputStream();
        List<Integer> fromTheEnd = new ArrayList<>(List.of(LANGUAGES.indexOf(language), 0));
        for (int i = 0; i < pieces.length; i++) {
            Piece p = pieces[i];
            if (p.string() != null) {
                fromTheEnd.add(0);
                front.writeBytes(modifiedUtf8(p.string().replace("\\", "\\\\")));
                if (i < pieces.length - 1) {
                    front.writeBytes(new byte[] {'\\', ' '}); // a single backslash ends the string
                }
            } else if (p.repeat() > 0) {
                fromTheEnd.addAll(List.of(2, (p.repeat() - 1) >> 8, (p.repeat() - 1) & 0xff));
            } else {
                fromTheEnd.addAll(List.of(1, p.character() >> 8, p.character() & 0xff));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(front.toByteArray());
        for (int i = fromTheEnd.size() - 1; i >= 0; i--) {
            out.write(fromTheEnd.get(i));
        }
        write(name, out.toByteArray());
    }

    /** Each UTF-16 unit on its own: 1 byte below U+0080 (but NUL), 2 below U+0800, else 3. */
    static byte[] modifiedUtf8(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (char c : s.toCharArray()) {
            if (c > 0 && c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xc0 | c >> 6);
                out.write(0x80 | c & 0x3f);
            } else {
                out.write(0xe0 | c >> 12);
                out.write(0x80 | c >> 6 & 0x3f);
                out.write(0x80 | c & 0x3f);
            }
        }
        return out.toByteArray();
    }

    private static void write(String name, byte[] bytes) throws IOException {
        Path file = DIR.resolve(name);
        if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
            Files.write(file, bytes);
            System.out.println("wrote " + file + " (" + bytes.length + " bytes)");
        }
    }
}
