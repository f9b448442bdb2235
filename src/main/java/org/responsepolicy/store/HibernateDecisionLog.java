package org.responsepolicy.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.exception.ConstraintViolationException;
import org.responsepolicy.evaluation.Decision;
import org.responsepolicy.evaluation.DecisionLog;
import org.responsepolicy.evaluation.MentionInput;

/** Decisions in a relational database through Hibernate. Thread-safe: one EntityManager per call. */
final class HibernateDecisionLog implements DecisionLog {

    private final EntityManagerFactory entityManagers;
    private final ObjectMapper json;

    HibernateDecisionLog(EntityManagerFactory entityManagers, ObjectMapper json) {
        this.entityManagers = entityManagers;
        this.json = json;
    }

    @Override
    public Optional<Recorded> findByMention(String brand, String mentionId) {
        return read(em -> em.createQuery(
                        "from DecisionRecord d where d.brand = :brand and d.mentionId = :mentionId", DecisionRecord.class)
                .setParameter("brand", brand)
                .setParameter("mentionId", mentionId)
                .getResultStream()
                .findFirst()
                .map(r -> new Recorded(toDecision(r), r.textFingerprint)));
    }

    @Override
    public Optional<Decision> findById(String decisionId) {
        return read(em -> Optional.ofNullable(em.find(DecisionRecord.class, decisionId)).map(this::toDecision));
    }

    @Override
    public List<Decision> findByBrand(String brand, int limit) {
        return search(new Search(brand, null, null, null, null, null, limit));
    }

    @Override
    public List<Decision> search(Search search) {
        StringBuilder hql = new StringBuilder("from DecisionRecord d where 1 = 1");
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        if (search.brand() != null) {
            hql.append(" and d.brand = :brand");
            parameters.put("brand", search.brand());
        }
        if (search.from() != null) {
            hql.append(" and d.evaluatedAt >= :from");
            parameters.put("from", search.from());
        }
        if (search.to() != null) {
            hql.append(" and d.evaluatedAt < :to");
            parameters.put("to", search.to());
        }
        if (search.action() != null || search.queue() != null) {
            // One action that is both of the type and for the queue, not one of each.
            hql.append(" and exists (select 1 from DecisionActionRecord a where a.decisionId = d.decisionId");
            if (search.action() != null) {
                hql.append(" and a.type = :action");
                parameters.put("action", search.action());
            }
            if (search.queue() != null) {
                hql.append(" and a.queue = :queue");
                parameters.put("queue", search.queue());
            }
            hql.append(")");
        }
        if (search.policy() != null) {
            hql.append(" and exists (select 1 from DecisionActionRecord p where p.decisionId = d.decisionId"
                    + " and p.policies like :policy escape '!')");
            parameters.put("policy", DecisionIndex.policyPattern(search.policy()));
        }
        hql.append(" order by d.evaluatedAt desc, d.decisionId desc");
        // The ids first, from the indexes alone; then only the matching rows. Reading each wide row while
        // scanning took seconds on 70,000 decisions when few matched (bench/console.sh).
        return read(em -> {
            var query = em.createQuery("select d.decisionId " + hql, String.class).setMaxResults(search.limit());
            parameters.forEach(query::setParameter);
            List<String> ids = query.getResultList();
            if (ids.isEmpty()) {
                return List.of();
            }
            java.util.Map<String, DecisionRecord> rows = new java.util.HashMap<>();
            em.createQuery("from DecisionRecord d where d.decisionId in :ids", DecisionRecord.class)
                    .setParameter("ids", ids).getResultStream().forEach(r -> rows.put(r.decisionId, r));
            return ids.stream().map(rows::get).filter(java.util.Objects::nonNull).map(this::toDecision).toList();
        });
    }

    @Override
    public List<Stored> evaluatedSince(java.time.Instant from, String brandOrNull, int limit) {
        return read(em -> {
            var query = em.createQuery("from DecisionRecord d where d.evaluatedAt >= :from"
                    + (brandOrNull == null ? "" : " and d.brand = :brand") + " order by d.evaluatedAt desc, d.decisionId",
                    DecisionRecord.class).setParameter("from", from).setMaxResults(limit);
            if (brandOrNull != null) {
                query.setParameter("brand", brandOrNull);
            }
            return query.getResultStream()
                    .map(r -> new Stored(toDecision(r), r.channel, r.visibility,
                            r.publishedAt == null ? null : r.publishedAt.atOffset(java.time.ZoneOffset.UTC),
                            r.authorFollowers, r.authorVerified))
                    .toList();
        });
    }

    @Override
    public void record(Decision decision, String textFingerprint, MentionInput mention) throws AlreadyRecordedException {
        DecisionRecord r = toRecord(decision, textFingerprint, mention);
        DecisionIndex index = new DecisionIndex();
        index.add(decision);
        storeOnce(entityManagers, em -> {
            em.persist(r);
            em.flush();
            em.unwrap(org.hibernate.Session.class).doWork(index::write);
        });
    }

    /** A write that stores a decision: a unique-key clash means another request stored it first. */
    static void storeOnce(EntityManagerFactory entityManagers, java.util.function.Consumer<EntityManager> write)
            throws AlreadyRecordedException {
        try {
            Work.inTransaction(entityManagers, write);
        } catch (PersistenceException e) {
            if (isDuplicate(e)) {
                throw new AlreadyRecordedException(e);
            }
            throw e;
        }
    }

    DecisionRecord toRecord(Decision decision, String textFingerprint, MentionInput mention) {
        DecisionRecord r = new DecisionRecord();
        r.decisionId = decision.decisionId();
        r.brand = decision.brand();
        r.mentionId = decision.mentionId();
        r.textFingerprint = textFingerprint;
        r.rulesetVersion = decision.rulesetVersion();
        r.channel = mention.channel();
        r.visibility = mention.visibility();
        r.language = decision.analysis().language();
        r.sentiment = decision.analysis().sentiment().label();
        r.publishedAt = mention.publishedAt() == null ? null : mention.publishedAt().toInstant();
        r.evaluatedAt = decision.evaluatedAt();
        r.maskedText = decision.maskedText();
        r.authorFollowers = mention.author() == null ? null : mention.author().followers();
        r.authorVerified = mention.author() == null ? null : mention.author().verified();
        r.authorKey = org.responsepolicy.evaluation.AuthorKeys.of(mention);
        r.decisionJson = toJson(decision);
        return r;
    }

    private static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve
                    && cve.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
            if (t instanceof java.sql.SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private <T> T read(Function<EntityManager, T> query) {
        return Work.read(entityManagers, query);
    }

    private String toJson(Decision decision) {
        try {
            return json.writeValueAsString(decision);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision always serialises", e);
        }
    }

    Decision toDecision(DecisionRecord r) {
        try {
            return json.readValue(r.decisionJson, Decision.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored decision " + r.decisionId + " is not readable", e);
        }
    }
}
