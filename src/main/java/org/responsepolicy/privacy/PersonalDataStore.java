package org.responsepolicy.privacy;

import java.time.Instant;
import java.util.Collection;

/** What the store must do to honour erasure and retention. */
public interface PersonalDataStore {

    record Erased(int decisions, int signals) {
    }

    record Purged(int decisions, int signals, int incidents) {
    }

    /** Deletes every decision and history signal of a brand's author, known by pseudonymous author keys. */
    Erased eraseAuthor(String brand, Collection<String> authorKeys);

    /** Deletes decisions evaluated before {@code cutoff}, signals posted before it and incidents closed before it. */
    Purged purgeBefore(Instant cutoff);
}
