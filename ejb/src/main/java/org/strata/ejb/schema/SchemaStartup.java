package org.strata.ejb.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.strata.persistence.migration.SchemaMigrations;

/**
 * Brings the index schema up to date when the archive starts, before anything uses it. A database that cannot be
 * reached stops the deployment with one line naming the datasource settings.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway manages its own transactions.
public class SchemaStartup {
    private static final Logger LOG = Logger.getLogger(SchemaStartup.class.getName());

    @Resource(lookup = "java:jboss/datasources/StrataDS")
    private DataSource dataSource;

    private String version;

    @PostConstruct
    void migrate() {
        String database;
        try (Connection c = dataSource.getConnection()) {
            database = c.getMetaData().getDatabaseProductName() + " at " + c.getMetaData().getURL();
        } catch (SQLException e) {
            String line = "Strata cannot start: database unreachable (datasource StrataDS, settings strata.db.kind,"
                    + " strata.db.url, strata.db.user): " + rootMessage(e);
            LOG.severe(line);
            throw new IllegalStateException(line, e);
        }
        version = new SchemaMigrations(dataSource).migrate();
        LOG.info(() -> "Strata index schema at version " + version + " on " + database);
    }

    /** The schema version reached at start-up. */
    public String version() {
        return version;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
