package org.strata.persistence.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

    private static JdbcDataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    @Test
    void migratesAnEmptyDatabaseToTheNewestVersionAndCreatesEveryTable() throws SQLException {
        JdbcDataSource ds = h2("fresh");
        SchemaMigrations migrations = new SchemaMigrations(ds);
        assertEquals("none", migrations.currentVersion());
        assertEquals(11, migrations.pendingCount());

        assertEquals("11", migrations.migrate());

        assertEquals(0, migrations.pendingCount());
        assertEquals(List.of("INSTANCE", "INSTANCE_HEADER", "INSTANCE_VERSION", "LIFECYCLE_RUN", "MPPS", "PATIENT",
                "REMOTE_AE", "RUN_CLAIM", "SERIES", "STORAGE_PROBLEM", "STUDY", "STUDY_MOVE_CLAIM", "WORKLIST_SPS"),
                tables(ds));
    }

    @Test
    void migratingTwiceChangesNothing() {
        JdbcDataSource ds = h2("twice");
        new SchemaMigrations(ds).migrate();
        SchemaMigrations again = new SchemaMigrations(ds);
        assertEquals("11", again.migrate());
        assertEquals("11", again.currentVersion());
    }

    @Test
    void aDatabaseHoldingOnlyTheTimerStoresTableGetsEveryMigration() throws SQLException {
        JdbcDataSource ds = h2("timers");
        try (Connection c = ds.getConnection()) {
            // What WildFly's database timer store creates on StrataDS before Strata's own start-up runs (abridged).
            c.createStatement().execute("CREATE TABLE JBOSS_EJB_TIMER (ID VARCHAR PRIMARY KEY NOT NULL,"
                    + " TIMED_OBJECT_ID VARCHAR NOT NULL, PARTITION_NAME VARCHAR NOT NULL, NODE_NAME VARCHAR)");
        }
        assertEquals("11", new SchemaMigrations(ds).migrate());
        List<String> tables = tables(ds);
        assertTrue(tables.containsAll(List.of("INSTANCE", "JBOSS_EJB_TIMER", "LIFECYCLE_RUN", "RUN_CLAIM", "STUDY")),
                tables.toString());
    }

    @Test
    void aStudyHasANullableLastAccessTime() throws SQLException {
        JdbcDataSource ds = h2("access");
        new SchemaMigrations(ds).migrate();
        try (Connection c = ds.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT DATA_TYPE, IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS"
                     + " WHERE TABLE_NAME = 'STUDY' AND COLUMN_NAME = 'LAST_ACCESSED_AT'")) {
            assertTrue(rs.next(), "study.last_accessed_at missing");
            assertEquals("TIMESTAMP", rs.getString(1));
            assertEquals("YES", rs.getString(2));
        }
    }

    private static List<String> tables(JdbcDataSource ds) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = ds.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                             + " AND TABLE_NAME <> 'flyway_schema_history' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
