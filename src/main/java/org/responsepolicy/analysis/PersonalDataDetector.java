package org.responsepolicy.analysis;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data that must never stay in a public post: payment cards (Luhn), IBANs and Polish NRB
 * account numbers (mod 97), Polish PESEL (checksum), e-mail addresses and phone numbers (libphonenumber).
 * A number that fails its checksum is not reported. Thread-safe.
 */
final class PersonalDataDetector {

    static final String PAYMENT_CARD = "payment_card";
    static final String IBAN = "iban";
    static final String NATIONAL_ID = "national_id";
    static final String EMAIL = "email";
    static final String PHONE = "phone";

    private static final Pattern IBAN_START = Pattern.compile("(?<![\\p{L}\\d])([A-Za-z]{2})(\\d{2})");
    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]{1,64}@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,62}[\\p{L}\\p{N}])?"
                    + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,62}[\\p{L}\\p{N}])?){0,8}\\.\\p{L}{2,24}");
    /** The longest identifier worth reassembling from digit groups: a Polish NRB has 26 digits. */
    private static final int MAX_DIGITS = 26;

    /**
     * Where a phone number without a country code may be from: the mention's own region first, then every
     * region served, because the language guess of a short post can be wrong and a missed number stays public.
     */
    private static final Map<String, List<String>> PHONE_REGIONS = Map.of(
            "pl", List.of("PL", "UA", "RU", "HU", "GB", "US"), "uk", List.of("UA", "PL", "RU", "HU", "GB", "US"),
            "ru", List.of("RU", "UA", "PL", "HU", "GB", "US"), "hu", List.of("HU", "PL", "UA", "RU", "GB", "US"),
            "en", List.of("GB", "US", "PL", "UA", "RU", "HU"));
    private static final List<String> DEFAULT_PHONE_REGIONS = List.of("GB", "US", "PL", "UA", "RU", "HU");

    /** Numbers a person owns; hotlines (toll-free, shared cost, premium, non-geographic) are not personal data. */
    private static final Set<PhoneNumberUtil.PhoneNumberType> PERSONAL_PHONE_TYPES = Set.of(
            PhoneNumberUtil.PhoneNumberType.MOBILE, PhoneNumberUtil.PhoneNumberType.FIXED_LINE,
            PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberUtil.PhoneNumberType.PERSONAL_NUMBER,
            PhoneNumberUtil.PhoneNumberType.VOIP);

    /** A number followed by a currency is an amount, not a phone. */
    private static final Pattern CURRENCY_AFTER = Pattern.compile(
            "^\\s{0,2}(?:zł|zl|pln|eur|euro|€|\\$|usd|gbp|£|chf|uah|грн|гривень|гривен|rub|руб|₽|huf|ft|forint|kr|czk|kč)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A number right after these words is an order, reference or case number. */
    private static final Pattern REFERENCE_BEFORE = Pattern.compile(
            "(?:zamówieni\\w*|zamowieni\\w*|przesyłk\\w*|przesylk\\w*|reklamacj\\w*|transakcj\\w*|sprawy|umow\\w*|"
                    + "order|reference|ref\\.?|tracking|ticket|case|transaction|invoice|"
                    + "заказ\\w*|заявк\\w*|договор\\w*|замовленн\\w*|справ\\w*|транзакці\\w*|транзакци\\w*|"
                    + "rendelés\\w*|rendeles\\w*|ügyszám\\w*|ugyszam\\w*|tranzakció\\w*|szerződés\\w*)"
                    + "[\\s:#№.-]{0,4}(?:nr|no|number|numer|номер|№|szám)?[\\s:#№.-]{0,3}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    List<PersonalDataMatch> find(String text, String language) {
        List<PersonalDataMatch> found = new ArrayList<>();
        findEmails(text, found);
        findIbans(text, found);
        findDigitRuns(text, found);
        findPhones(text, language, found);
        found.sort(Comparator.comparingInt(PersonalDataMatch::start));
        return found;
    }

    private void findEmails(String text, List<PersonalDataMatch> found) {
        Matcher m = EMAIL_ADDRESS.matcher(text);
        while (m.find()) {
            String value = m.group();
            int at = value.indexOf('@');
            String masked = value.charAt(0) + "*".repeat(Math.max(at - 1, 0)) + value.substring(at);
            add(found, new PersonalDataMatch(EMAIL, masked, m.start(), m.end()));
        }
    }

    /** An IBAN starts with a country code and two check digits; read on until the country's length. */
    private void findIbans(String text, List<PersonalDataMatch> found) {
        Matcher m = IBAN_START.matcher(text);
        while (m.find()) {
            String country = m.group(1).toUpperCase(Locale.ROOT);
            Integer length = Checksums.ibanLength(country);
            if (length == null) {
                continue;
            }
            StringBuilder compact = new StringBuilder(country).append(m.group(2));
            int i = m.end();
            int lastChar = i;
            while (i < text.length() && compact.length() < length) {
                char c = text.charAt(i);
                if (c < 128 && Character.isLetterOrDigit(c)) {
                    compact.append(Character.toUpperCase(c));
                    lastChar = ++i;
                } else if (Separators.is(c) && i - lastChar < Separators.MAX_GAP) {
                    i++;
                } else {
                    break;
                }
            }
            boolean endsOnBoundary = lastChar >= text.length() || !Character.isLetterOrDigit(text.charAt(lastChar));
            if (compact.length() == length && endsOnBoundary && Checksums.iban(compact.toString())) {
                add(found, new PersonalDataMatch(IBAN, mask(text.substring(m.start(), lastChar), 2, 4), m.start(), lastChar));
            }
        }
    }

    /**
     * Card numbers, Polish NRB account numbers and PESEL hide in digit groups split by spaces, dashes, dots,
     * slashes or line breaks. Each run of groups is read once; from each group at most {@link #MAX_DIGITS}
     * digits are tried, so the work stays linear in the length of the text.
     */
    private void findDigitRuns(String text, List<PersonalDataMatch> found) {
        for (DigitRun run : DigitRun.all(text)) {
            if (run.startsAfterLetter() && !run.afterIdKeyword(text)) {
                continue; // "SKU44051401359" is a product code, "pesel44051401359" is not
            }
            int i = 0;
            while (i < run.groups()) {
                int next = i + 1;
                StringBuilder digits = new StringBuilder();
                int lastUsable = -1;
                for (int j = i; j < run.groups() && digits.length() + run.length(j) <= MAX_DIGITS; j++) {
                    digits.append(run.digits(j));
                    lastUsable = j;
                }
                for (int j = lastUsable; j >= i; j--) {
                    String candidate = digits.substring(0, run.digitCountUpTo(i, j));
                    PersonalDataMatch match = classifyDigits(text, run.start(i), run.end(j), candidate);
                    if (match != null && add(found, match)) {
                        next = j + 1;
                        break;
                    }
                }
                i = next;
            }
        }
    }

    private static PersonalDataMatch classifyDigits(String text, int s, int e, String digits) {
        String raw = text.substring(s, e);
        if (digits.length() == 26 && Checksums.iban(nrbAsIban(digits))) {
            return new PersonalDataMatch(IBAN, mask(raw, 0, 4), s, e);
        }
        if (Checksums.paymentCard(digits)) {
            return new PersonalDataMatch(PAYMENT_CARD, mask(raw, 0, 4), s, e);
        }
        if (digits.length() == 11 && Checksums.pesel(digits)) {
            return new PersonalDataMatch(NATIONAL_ID, mask(raw, 0, 2), s, e);
        }
        return null;
    }

    /** A Polish NRB is the IBAN without its "PL" prefix. */
    private static String nrbAsIban(String digits) {
        return "PL" + digits;
    }

    private void findPhones(String text, String language, List<PersonalDataMatch> found) {
        if (!hasDigitRun(text, 6)) {
            return; // no phone number is shorter; skips the scans for most mentions
        }
        for (String region : PHONE_REGIONS.getOrDefault(language, DEFAULT_PHONE_REGIONS)) {
            for (PhoneNumberMatch pm : phones.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                if (!PERSONAL_PHONE_TYPES.contains(phones.getNumberType(pm.number()))
                        || CURRENCY_AFTER.matcher(text.substring(pm.end(), Math.min(text.length(), pm.end() + 12))).find()
                        || REFERENCE_BEFORE.matcher(text.substring(Math.max(0, pm.start() - 30), pm.start())).find()) {
                    continue;
                }
                String raw = pm.rawString();
                add(found, new PersonalDataMatch(PHONE, mask(raw, raw.startsWith("+") ? 3 : 0, 3), pm.start(), pm.end()));
            }
        }
    }

    private static boolean hasDigitRun(String text, int minDigits) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                if (++digits >= minDigits) {
                    return true;
                }
            } else if (!Separators.is(c) && c != '(' && c != ')' && c != '+') {
                digits = 0;
            }
        }
        return false;
    }

    /** Adds the match unless an earlier, more specific find already covers that text. */
    private static boolean add(List<PersonalDataMatch> found, PersonalDataMatch match) {
        for (PersonalDataMatch f : found) {
            if (f.overlaps(match.start(), match.end())) {
                return false;
            }
        }
        found.add(match);
        return true;
    }

    /** Replaces letters and digits with '*', keeping {@code keepStart} leading and {@code keepEnd} trailing ones. */
    static String mask(String raw, int keepStart, int keepEnd) {
        int total = (int) raw.chars().filter(Character::isLetterOrDigit).count();
        StringBuilder out = new StringBuilder(raw.length());
        int seen = 0;
        for (char c : raw.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                seen++;
                out.append(seen <= keepStart || seen > total - keepEnd ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
