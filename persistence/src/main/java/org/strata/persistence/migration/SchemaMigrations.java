package org.strata.persistence.migration;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and upgrades the index schema from the versioned SQL scripts in {@code db/migration}.
 * The same scripts run on H2 and PostgreSQL; Flyway records what ran in {@code flyway_schema_history}.
 */
public final class SchemaMigrations {
    private final Flyway flyway;

    public SchemaMigrations(DataSource dataSource) {
        // Flyway must find the scripts with the class loader of this jar, not the thread's (an EJB's in WildFly).
        this.flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // WildFly's database timer store creates its table (JBOSS_EJB_TIMER) in this schema before Strata
                // starts, so a new database is never quite empty; Flyway would refuse such a schema without its history
                // table. A baseline at version 0 records that nothing of ours is there yet: every script still runs.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    /** Applies every pending migration and returns the schema version reached. */
    public String migrate() {
        MigrateResult result = flyway.migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : currentVersion();
    }

    /** The version of the newest applied migration, or {@code "none"} for an empty database. */
    public String currentVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    /** How many migrations the scripts define but the database has not applied yet. */
    public int pendingCount() {
        return flyway.info().pending().length;
    }
}
