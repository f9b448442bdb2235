package org.responsepolicy.rulesadmin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.responsepolicy.ruleset.RuleFiles;

/** Every rule-set version that was active, with its files, for listing and rollback. Thread-safe. */
public interface RuleVersionLog {

    /** Records that these files became the active version (again). */
    void recordActivation(RuleFiles files, String trigger, Instant at);

    /** Newest activation first. */
    List<StoredVersion> list();

    Optional<RuleFiles> files(String version);

    /** @param lastTrigger what activated it last: startup, api, file-change, rollback */
    record StoredVersion(String version, int fileCount, Instant firstActivatedAt, Instant lastActivatedAt,
                         String lastTrigger) {
    }
}
