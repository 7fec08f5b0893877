package org.strata.persistence.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(9, migrations.pendingCount()); // V1-V8 and V12 on this branch

        assertEquals("12", migrations.migrate());

        assertEquals(0, migrations.pendingCount());
        assertEquals(List.of("INSTANCE", "INSTANCE_HEADER", "INSTANCE_VERSION", "LIFECYCLE_RUN", "MPPS", "PATIENT",
                "REMOTE_AE", "SERIES", "STORAGE_PROBLEM", "STUDY", "WORKLIST_SPS"), tables(ds));
    }

    @Test
    void migratingTwiceChangesNothing() {
        JdbcDataSource ds = h2("twice");
        new SchemaMigrations(ds).migrate();
        SchemaMigrations again = new SchemaMigrations(ds);
        assertEquals("12", again.migrate());
        assertEquals("12", again.currentVersion());
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
