package org.responsepolicy.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.responsepolicy.rulesadmin.RuleVersionLog;
import org.responsepolicy.ruleset.RuleFiles;

/** Rule-set versions in the database through Hibernate. Thread-safe. */
final class HibernateRuleVersionLog implements RuleVersionLog {

    private final EntityManagerFactory entityManagers;
    private final ObjectMapper json;

    HibernateRuleVersionLog(EntityManagerFactory entityManagers, ObjectMapper json) {
        this.entityManagers = entityManagers;
        this.json = json;
    }

    @Override
    public synchronized void recordActivation(RuleFiles files, String trigger, Instant at) {
        Work.inTransaction(entityManagers, em -> {
            RuleSetVersionRecord r = em.find(RuleSetVersionRecord.class, files.version());
            if (r == null) {
                r = new RuleSetVersionRecord();
                r.version = files.version();
                r.filesJson = toJson(files);
                r.fileCount = files.files().size();
                r.firstActivatedAt = at;
                r.lastActivatedAt = at;
                r.lastTrigger = trigger;
                em.persist(r);
            } else {
                r.lastActivatedAt = at;
                r.lastTrigger = trigger;
            }
        });
    }

    @Override
    public List<StoredVersion> list() {
        // Only the listing columns: a version's files can be large.
        return Work.read(entityManagers, em -> em.createQuery("select new org.responsepolicy.rulesadmin.RuleVersionLog$StoredVersion("
                        + "r.version, r.fileCount, r.firstActivatedAt, r.lastActivatedAt, r.lastTrigger) "
                        + "from RuleSetVersionRecord r order by r.lastActivatedAt desc", StoredVersion.class)
                .getResultList());
    }

    @Override
    public Optional<RuleFiles> files(String version) {
        return Work.read(entityManagers,
                em -> Optional.ofNullable(em.find(RuleSetVersionRecord.class, version)).map(r -> fromJson(r.filesJson)));
    }

    private String toJson(RuleFiles files) {
        Map<String, String> encoded = new TreeMap<>();
        files.files().forEach((path, bytes) -> encoded.put(path, Base64.getEncoder().encodeToString(bytes)));
        try {
            return json.writeValueAsString(encoded);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    private RuleFiles fromJson(String stored) {
        try {
            Map<String, String> encoded = json.readValue(stored, new TypeReference<Map<String, String>>() { });
            TreeMap<String, byte[]> files = new TreeMap<>();
            encoded.forEach((path, b64) -> files.put(path, Base64.getDecoder().decode(b64)));
            return new RuleFiles(files);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rule files are not readable", e);
        }
    }
}
