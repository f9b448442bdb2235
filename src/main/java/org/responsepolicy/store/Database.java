package org.responsepolicy.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import java.util.List;
import org.hibernate.cfg.AvailableSettings;
import org.responsepolicy.evaluation.DecisionLog;

/**
 * The decision database: a connection pool, the schema brought up to date by Flyway migrations, and
 * Hibernate (which only validates the schema, never changes it). Close it to release the pool.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final EntityManagerFactory entityManagers;
    private final StoreProbe probe;
    /** Their writers store what is waiting before the pool closes. */
    private final List<HibernateMentionHistory> histories = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Database(HikariDataSource dataSource, EntityManagerFactory entityManagers, StoreProbe probe) {
        this.dataSource = dataSource;
        this.entityManagers = entityManagers;
        this.probe = probe;
    }

    /** Connects, migrates the schema and validates the mapping; fails fast with the cause. */
    public static Database open(DatabaseConfig config) {
        requireSupported(config);
        HikariDataSource dataSource = pool(config, 16);
        try {
            flyway(config, dataSource).migrate();
            EntityManagerFactory emf = new PersistenceConfiguration("decisions")
                    .managedClass(DecisionRecord.class)
                    .managedClass(DecisionActionRecord.class)
                    .managedClass(RuleSetVersionRecord.class)
                    .managedClass(MentionSignalRecord.class)
                    .managedClass(IncidentRecord.class)
                    .managedClass(BrandLockRecord.class)
                    .managedClass(ApiKeyRecord.class)
                    .managedClass(AuditRecord.class)
                    .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                    .property(AvailableSettings.HBM2DDL_AUTO, "validate")
                    .property(AvailableSettings.JDBC_TIME_ZONE, "UTC")
                    // A batch of decisions goes to the database as one statement batch, not one by one.
                    .property(AvailableSettings.STATEMENT_BATCH_SIZE, 100)
                    .property(AvailableSettings.ORDER_INSERTS, true)
                    .createEntityManagerFactory();
            return new Database(dataSource, emf, new StoreProbe(config));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** What {@link #migrate} did: the schema version before and after, and the migrations applied. */
    public record Migration(String before, String after, List<String> applied) {
    }

    /** Brings the schema up to date (as every start does) without opening anything else; {@code db migrate}. */
    public static Migration migrate(DatabaseConfig config) {
        requireSupported(config);
        try (HikariDataSource dataSource = pool(config, 2)) { // Flyway holds one connection for its lock
            MigrateResult result = flyway(config, dataSource).migrate();
            return new Migration(result.initialSchemaVersion, result.targetSchemaVersion == null
                    ? result.initialSchemaVersion : result.targetSchemaVersion,
                    result.migrations.stream().map(m -> "V" + m.version + " " + m.description).toList());
        }
    }

    private static void requireSupported(DatabaseConfig config) {
        if (!config.isH2() && !config.isMariaDb()) {
            throw new IllegalArgumentException("unsupported database URL " + config.describe()
                    + ": use jdbc:mariadb://host:port/db or jdbc:h2:…");
        }
    }

    private static HikariDataSource pool(DatabaseConfig config, int size) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(config.url());
        pool.setUsername(config.user());
        pool.setPassword(config.password());
        pool.setPoolName("decisions");
        pool.setMaximumPoolSize(size);
        pool.setConnectionTimeout(5_000);
        pool.setInitializationFailTimeout(10_000);
        return new HikariDataSource(pool);
    }

    private static Flyway flyway(DatabaseConfig config, javax.sql.DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + (config.isMariaDb() ? "mariadb" : "h2"))
                .javaMigrations(new IndexEarlierDecisions())
                .load();
    }

    /** The connection pool's own metrics (active, idle, pending, timeouts) into the server's registry. */
    public void publishPoolMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        dataSource.setMetricRegistry(registry);
    }

    public org.responsepolicy.evaluation.DecisionOverview decisionOverview() {
        return new HibernateDecisionOverview(entityManagers);
    }

    public DecisionLog decisionLog(ObjectMapper json) {
        return new HibernateDecisionLog(entityManagers, json);
    }

    /**
     * Author history and crisis detection; the same object is the {@link org.responsepolicy.evaluation.IncidentLog}.
     *
     * @param incidentIds makes the id of a new incident
     */
    public HistoryAndIncidents mentionHistory(java.util.function.Supplier<String> incidentIds, ObjectMapper json) {
        HibernateMentionHistory h = new HibernateMentionHistory(entityManagers, incidentIds,
                new HibernateDecisionLog(entityManagers, json), probe::up);
        histories.add(h);
        return new HistoryAndIncidents(h, h);
    }

    /** Both views of one store: what evaluation asks, and what people read and close. */
    public record HistoryAndIncidents(org.responsepolicy.evaluation.MentionHistory history,
                                      org.responsepolicy.evaluation.IncidentLog incidents) {
    }

    public org.responsepolicy.rulesadmin.RuleVersionLog ruleVersionLog(ObjectMapper json) {
        return new HibernateRuleVersionLog(entityManagers, json);
    }

    public org.responsepolicy.access.KeyStore keyStore() {
        return new HibernateKeyStore(entityManagers);
    }

    public org.responsepolicy.access.AuditTrail auditTrail() {
        return new HibernateAuditTrail(entityManagers);
    }

    public org.responsepolicy.privacy.PersonalDataStore personalData() {
        return new HibernatePersonalDataStore(entityManagers);
    }

    /** Whether the database answered its last probe (at most a second or two ago); never blocks. */
    public boolean isReachable() {
        return probe.up();
    }

    @Override
    public void close() {
        histories.forEach(HibernateMentionHistory::close);
        probe.close();
        entityManagers.close();
        dataSource.close();
    }
}
