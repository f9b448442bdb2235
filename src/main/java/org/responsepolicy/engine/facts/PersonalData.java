package org.responsepolicy.engine.facts;

/**
 * One piece of personal data found in the mention. Only the masked value is ever kept.
 *
 * @param type payment_card, iban, national_id, email or phone
 */
public record PersonalData(String type, String maskedValue) {

    public String describe() {
        return "personal data: " + type + " " + maskedValue;
    }
}
