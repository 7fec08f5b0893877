package org.strata.ejb.health;

import java.util.List;
import org.strata.ejb.storage.StorageSystems;
import org.strata.jca.dicom.api.DicomListenerState;

/**
 * The archive's health as the health endpoint shows it.
 *
 * @param status   {@code UP} when the database answers, the DICOM listener accepts and the hot tier works, else
 *                 {@code DOWN} (a cold system that cannot work is listed with its problem; the archive still serves)
 * @param version  Strata's version
 * @param database the index database
 * @param dicom    the DICOM listener
 * @param storage  each storage system by name, {@code ok} or {@code error} with the reason
 */
public record Health(String status, String version, Database database, DicomListenerState dicom,
                     List<StorageSystems.Status> storage) {

    /**
     * @param product   database product name and version, as the JDBC driver reports it
     * @param url       JDBC URL
     * @param migration schema version reached by the migrations
     * @param problem   why the database does not answer, or {@code null}
     */
    public record Database(String product, String url, String migration, String problem) {
    }

    public boolean up() {
        return "UP".equals(status);
    }
}
