package org.responsepolicy.analysis;

/**
 * Personal data found in a text.
 *
 * @param type        payment_card, iban, national_id, email or phone
 * @param maskedValue the value as it may be shown (e.g. {@code **** **** **** 1111})
 * @param start       offset of the first character (UTF-16 units, as in Java and JavaScript)
 * @param end         offset after the last character
 */
public record PersonalDataMatch(String type, String maskedValue, int start, int end) {

    boolean overlaps(int s, int e) {
        return s < end && start < e;
    }
}
