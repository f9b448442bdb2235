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
    static final String TAX_ID = "tax_id";
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

    /**
     * A number followed by a currency is an amount, not a phone. Inflected names count ("złotych", "рублей",
     * "forintot"); a word that merely begins like one does not ("601 234 567 kredyt", "… złożyłem", "… rubbish").
     */
    private static final Pattern CURRENCY_AFTER = Pattern.compile(
            "^\\s{0,2}(?:[€$£₽]|(?:zł(?:ot\\p{L}*)?|zl(?:ot\\p{L}*)?|pln|eur\\p{L}*|usd|gbp|chf|uah|грн|гривн\\p{L}*"
                    + "|гривен\\p{L}*|гривень|rub(?:l\\p{L}*)?|руб(?:л\\p{L}*)?|huf|ft|forint\\p{L}*|kr|czk|kč)"
                    + "(?![\\p{L}\\p{N}]))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * A number right after these words (up to two words in between: "ИНН получателя 7743483954") is an
     * identifier, order, case or reference number, not a phone.
     */
    private static final Pattern REFERENCE_BEFORE = Pattern.compile(
            "(?:\\bnip|\\bpesel|\\bregon|\\btaj|инн|снилс|рнокпп|іпн|ипн|adóazonosító|adoazonosito|adószám|adoszam|"
                    + "zamówieni|zamowieni|przesyłk|przesylk|reklamacj|transakcj|\\bsprawy|\\bumow|zgłoszeni|zgloszeni|klienta|"
                    + "операці|операци|клиента|клієнта|ügyfél|ugyfel|customer number|client number|"
                    + "\\border|reference|\\bref\\b|tracking|ticket|\\bcase\\b|transaction|invoice|contract|account no|"
                    + "заказ|заявк|договор|обращени|квитанци|замовленн|справ|транзакці|транзакци|звернен|квитанці|"
                    + "rendelés|rendeles|ügyszám|ugyszam|ügyfélszám|ugyfelszam|szerződés|szerzodes|tranzakció|tranzakcio|"
                    + "№)\\p{L}*(?:[\\s:#№.,()-]+\\p{L}+){0,2}[\\s:#№.()-]{0,4}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    /** Offsets are into {@code text}; the search itself reads the text as a reader sees it ({@link VisibleText}). */
    List<PersonalDataMatch> find(String text, String language) {
        VisibleText visible = VisibleText.of(text);
        List<PersonalDataMatch> found = findIn(visible.text(), language);
        if (visible.sameAsOriginal()) {
            return found;
        }
        List<PersonalDataMatch> mapped = new ArrayList<>(found.size());
        for (PersonalDataMatch match : found) {
            mapped.add(visible.toOriginal(match));
        }
        return mapped;
    }

    private List<PersonalDataMatch> findIn(String text, String language) {
        List<PersonalDataMatch> found = new ArrayList<>();
        findEmails(text, found);
        findIbans(text, found);
        findDigitRuns(text, found);
        findPhones(text, language, found);
        found.sort(Comparator.comparingInt(PersonalDataMatch::start));
        return found;
    }

    private void findEmails(String text, List<PersonalDataMatch> found) {
        if (text.indexOf('@') < 0) {
            return; // most mentions: the address pattern cannot match, and scanning for it is costly
        }
        Matcher m = EMAIL_ADDRESS.matcher(text);
        while (m.find()) {
            String value = m.group();
            int at = value.indexOf('@');
            // The first character stays unless it is all there is of the local part ("a@bank.pl" would stay as is).
            int keep = value.offsetByCodePoints(0, 1);
            keep = keep < at ? keep : 0;
            String masked = value.substring(0, keep) + "*".repeat(at - keep) + value.substring(at);
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
        // The other identifiers have weak check digits (about one random number in ten passes), so they
        // count only after their name ("NIP", "ИНН", "TAJ", …) or in their own distinctive layout.
        String before = text.substring(Math.max(0, s - 50), s).toLowerCase(Locale.ROOT);
        boolean taxId = switch (digits.length()) {
            case 10 -> Checksums.nip(digits) && (IdKeywords.NIP.matcher(before).find() || NIP_LAYOUT.matcher(raw).matches())
                    || Checksums.rnokpp(digits) && IdKeywords.RNOKPP.matcher(before).find()
                    || Checksums.inn(digits) && IdKeywords.INN.matcher(before).find()
                    || Checksums.hungarianTaxId(digits) && IdKeywords.HU_TAX.matcher(before).find();
            case 12 -> Checksums.inn(digits);
            default -> false;
        };
        if (taxId) {
            return new PersonalDataMatch(TAX_ID, mask(raw, 0, 2), s, e);
        }
        boolean nationalId = digits.length() == 11 && Checksums.snils(digits)
                        && (IdKeywords.SNILS.matcher(before).find() || SNILS_LAYOUT.matcher(raw).matches())
                || digits.length() == 9 && Checksums.taj(digits) && IdKeywords.TAJ.matcher(before).find();
        return nationalId ? new PersonalDataMatch(NATIONAL_ID, mask(raw, 0, 2), s, e) : null;
    }

    private static final Pattern NIP_LAYOUT = Pattern.compile("\\d{3}-\\d{3}-\\d{2}-\\d{2}|\\d{3}-\\d{2}-\\d{2}-\\d{3}");
    private static final Pattern SNILS_LAYOUT = Pattern.compile("\\d{3}-\\d{3}-\\d{3}[ -]\\d{2}");

    /** A Polish NRB is the IBAN without its "PL" prefix. */
    private static String nrbAsIban(String digits) {
        return "PL" + digits;
    }

    private void findPhones(String text, String language, List<PersonalDataMatch> found) {
        List<String> regions = PHONE_REGIONS.getOrDefault(language, DEFAULT_PHONE_REGIONS);
        for (int[] window : digitWindows(text)) {
            if (found.stream().anyMatch(f -> f.start() <= firstDigit(text, window) && firstDigit(text, window) < f.end())) {
                continue; // these digits are already a card, an account or an id
            }
            String part = text.substring(window[0], window[1]);
            boolean validSomewhere = false;
            // The mention's own region first; the first region that reads a number here is the right one.
            for (String region : regions) {
                boolean foundHere = false;
                for (PhoneNumberMatch pm : phones.findNumbers(part, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                    int start = pm.start() + window[0];
                    int end = pm.end() + window[0];
                    foundHere = true;
                    if (!PERSONAL_PHONE_TYPES.contains(phones.getNumberType(pm.number()))
                            || notAPhoneHere(text, start, end, pm.rawString())) {
                        continue;
                    }
                    String raw = pm.rawString();
                    add(found, new PersonalDataMatch(PHONE, mask(raw, raw.startsWith("+") ? 3 : 0, 3), start, end));
                }
                if (foundHere) {
                    validSomewhere = true;
                    break;
                }
            }
            // Only where no region reads a valid number: a valid hotline or amount was rightly turned down.
            if (!validSomewhere && !foundHere(found, window) && (part.contains("+") || PHONE_CONTEXT.matcher(
                    text.substring(Math.max(0, window[0] - 30), window[0])).find())) {
                findPossiblePhones(text, window, regions, found);
            }
        }
    }

    /**
     * A number in a range libphonenumber does not know as allocated ("07700 918245") is still a phone to a
     * reader when it follows "call me", "numer", "телефон" or carries a "+": for privacy, a miss is worse
     * than a masked false alarm, so in that context a number of a possible length is enough.
     */
    private void findPossiblePhones(String text, int[] window, List<String> regions, List<PersonalDataMatch> found) {
        String part = text.substring(window[0], window[1]);
        for (String region : regions) {
            for (PhoneNumberMatch pm : phones.findNumbers(part, region, PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
                int start = pm.start() + window[0];
                int end = pm.end() + window[0];
                String raw = pm.rawString();
                if (raw.replaceAll("\\D", "").length() < 9 || notAPhoneHere(text, start, end, raw)) {
                    continue;
                }
                if (add(found, new PersonalDataMatch(PHONE, mask(raw, raw.startsWith("+") ? 3 : 0, 3), start, end))) {
                    return;
                }
            }
        }
    }

    private static boolean foundHere(List<PersonalDataMatch> found, int[] window) {
        return found.stream().anyMatch(f -> f.start() < window[1] && window[0] < f.end());
    }

    /** Words right before a number that say it is a phone number. */
    private static final Pattern PHONE_CONTEXT = Pattern.compile(
            "(?:\\btel\\b|phone|\\bcall|\\bring\\b|text me|reach me|whatsapp|viber|mobile|my number|"
                    + "mój numer|moj numer|numer tel|telefon|dzwo|zadzwo|komórk|komork|мой номер|мій номер|номер тел|"
                    + "телефон|дзвон|звон|моб|mobil|hívj|hivj|"
                    + "hívjanak|hivjanak|számom|szamom)[^\\d]{0,20}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static int firstDigit(String text, int[] window) {
        int i = window[0];
        while (i < window[1] && !Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Stretches of text around digits that could hold a phone number: digit groups with up to three other
     * characters between them, plus room for "+" and brackets; only those with at least 7 digits (no phone
     * number in the served countries is shorter). libphonenumber then reads only these, not the whole text.
     */
    private static List<int[]> digitWindows(String text) {
        List<int[]> windows = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!Character.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = Math.max(0, i - 4);
            int end = i;
            int quiet = 0;
            int digits = 0;
            while (end < text.length() && quiet < 4) {
                if (Character.isDigit(text.charAt(end))) {
                    quiet = 0;
                    digits++;
                } else {
                    quiet++;
                }
                end++;
            }
            int windowEnd = Math.min(text.length(), end + 2);
            if (digits >= 7) {
                windows.add(new int[] {start, windowEnd});
            }
            i = windowEnd;
        }
        return windows;
    }

    /**
     * "910/4521/23", "KH/2019/004512", "0.0.3512774019.1": case, contract and receipt codes, not phones
     * ("06/30 123 4567" is one: a single slash inside the number).
     */
    /** Where the digits stand says they are a code, an amount or a reference, whatever libphonenumber thinks. */
    private static boolean notAPhoneHere(String text, int start, int end, String raw) {
        return isPartOfSlashedCode(text, start, raw)
                || CURRENCY_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 12))).find()
                || REFERENCE_BEFORE.matcher(text.substring(Math.max(0, start - 30), start)).find();
    }

    private static boolean isPartOfSlashedCode(String text, int start, String raw) {
        int end = start + raw.length();
        boolean glue = start > 0 && (text.charAt(start - 1) == '/' || text.charAt(start - 1) == '.' && start > 1
                && Character.isDigit(text.charAt(start - 2)));
        boolean tail = end + 1 < text.length() && (text.charAt(end) == '/' || text.charAt(end) == '.')
                && Character.isDigit(text.charAt(end + 1));
        return raw.chars().filter(c -> c == '/').count() >= 2 || glue || tail;
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
