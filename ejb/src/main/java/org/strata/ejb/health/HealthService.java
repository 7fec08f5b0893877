package org.strata.ejb.health;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.strata.ejb.schema.SchemaStartup;
import org.strata.ejb.storage.StorageSystems;
import org.strata.ejb.store.HotTier;
import org.strata.jca.dicom.api.DicomListenerState;
import org.strata.jca.dicom.api.DicomListenerStatus;

/** Checks the parts the archive needs: the index database, the DICOM listener and every storage system. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthService {
    private static final String VERSION = readVersion();

    @Resource(lookup = "java:jboss/datasources/StrataDS")
    private DataSource dataSource;

    @Resource(lookup = DicomListenerStatus.JNDI_NAME)
    private DicomListenerStatus listenerStatus;

    @EJB
    private SchemaStartup schema;

    @Inject
    StorageSystems storageSystems;

    public Health check() {
        Health.Database database = database();
        DicomListenerState dicom = listenerStatus.current();
        List<StorageSystems.Status> storage = storageSystems.status();
        boolean hotWorks = storage.stream().noneMatch(s -> s.id().equals(HotTier.ID) && s.problem() != null);
        boolean up = database.problem() == null && dicom.listening() && hotWorks;
        return new Health(up ? "UP" : "DOWN", VERSION, database, dicom, storage);
    }

    private Health.Database database() {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            return new Health.Database(meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(),
                    meta.getURL(), schema.version(), null);
        } catch (SQLException e) {
            return new Health.Database(null, null, schema.version(), e.getMessage());
        }
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = HealthService.class.getResourceAsStream("version.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }
}
