package org.responsepolicy.analysis;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** Runs of digits separated by single spaces, dashes or dots: where cards, NRBs and IDs hide. */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\d\\p{L}])\\d+(?:[ .-]\\d+)*(?![\\d\\p{L}])");
    private static final Pattern IBAN_START = Pattern.compile("(?<![\\p{L}\\d])([A-Za-z]{2})(\\d{2})(?=[ ]?[A-Za-z0-9])");
    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            "(?<![\\w.+-])[\\w.%+-]+@[\\p{L}\\d](?:[\\p{L}\\d-]*[\\p{L}\\d])?(?:\\.[\\p{L}\\d](?:[\\p{L}\\d-]*[\\p{L}\\d])?)*\\.\\p{L}{2,}");

    /** Where a phone number without a country code is most likely from, by the mention's language. */
    private static final Map<String, List<String>> PHONE_REGIONS = Map.of(
            "pl", List.of("PL"), "uk", List.of("UA"), "ru", List.of("RU"), "hu", List.of("HU"),
            "en", List.of("GB", "US"));

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
            while (i < text.length() && compact.length() < length) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c) && c < 128) {
                    compact.append(Character.toUpperCase(c));
                } else if (c != ' ' || i + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 1))) {
                    break;
                }
                i++;
            }
            boolean endsOnBoundary = i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
            if (compact.length() == length && endsOnBoundary && Checksums.iban(compact.toString())) {
                add(found, new PersonalDataMatch(IBAN, mask(text.substring(m.start(), i), 2, 4), m.start(), i));
            }
        }
    }

    /** Card numbers, Polish NRB account numbers and PESEL, trying every sub-run of digit groups. */
    private void findDigitRuns(String text, List<PersonalDataMatch> found) {
        Matcher m = DIGIT_RUN.matcher(text);
        while (m.find()) {
            List<int[]> groups = digitGroups(text, m.start(), m.end());
            int i = 0;
            while (i < groups.size()) {
                int next = i + 1;
                for (int j = groups.size() - 1; j >= i; j--) {
                    int s = groups.get(i)[0];
                    int e = groups.get(j)[1];
                    String digits = text.substring(s, e).replaceAll("\\D", "");
                    PersonalDataMatch match = classifyDigits(text, s, e, digits);
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
        if (Checksums.paymentCard(digits) && !raw.contains(".")) {
            return new PersonalDataMatch(PAYMENT_CARD, mask(raw, 0, 4), s, e);
        }
        if (digits.length() == 11 && digits.equals(raw) && Checksums.pesel(digits)) {
            return new PersonalDataMatch(NATIONAL_ID, mask(raw, 0, 2), s, e);
        }
        return null;
    }

    /** A Polish NRB is the IBAN without its "PL" prefix. */
    private static String nrbAsIban(String digits) {
        return "PL" + digits;
    }

    private static List<int[]> digitGroups(String text, int from, int to) {
        List<int[]> groups = new ArrayList<>();
        int i = from;
        while (i < to) {
            int s = i;
            while (i < to && Character.isDigit(text.charAt(i))) {
                i++;
            }
            groups.add(new int[] {s, i});
            i++;
        }
        return groups;
    }

    private void findPhones(String text, String language, List<PersonalDataMatch> found) {
        for (String region : PHONE_REGIONS.getOrDefault(language, List.of("GB"))) {
            for (PhoneNumberMatch pm : phones.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                String raw = pm.rawString();
                add(found, new PersonalDataMatch(PHONE, mask(raw, raw.startsWith("+") ? 3 : 0, 3), pm.start(), pm.end()));
            }
        }
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
