package org.responsepolicy.analysis;

import java.util.regex.Pattern;

/** The names people write before an identifier, per scheme, in lower case (looked for just before the number). */
final class IdKeywords {

    static final Pattern NIP = Pattern.compile("\\bnip\\b");
    static final Pattern RNOKPP = Pattern.compile(
            "рнокпп|іпн|ипн|інн|ідентифікаційн\\w* (?:код|номер)|податков\\w* номер|код платника|\\brnokpp|\\bipn\\b");
    static final Pattern INN = Pattern.compile("(?<![\\p{L}])инн(?![\\p{L}])|\\binn\\b|идентификационн\\w* номер налогоплательщика");
    static final Pattern HU_TAX = Pattern.compile("adóazonosító|adoazonosito|adószám|adoszam|adó ?azonosító|tax ?id");
    static final Pattern SNILS = Pattern.compile("снилс|\\bsnils\\b|страхов\\w* номер");
    static final Pattern TAJ = Pattern.compile("\\btaj\\b|\\btaj-|társadalombiztosítási|tarsadalombiztositasi");

    private IdKeywords() {
    }
}
