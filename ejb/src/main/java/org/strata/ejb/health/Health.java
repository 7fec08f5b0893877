package org.strata.ejb.health;

import org.strata.jca.dicom.api.DicomListenerState;

/**
 * The archive's health as the health endpoint shows it.
 *
 * @param status   {@code UP} when the database answers and the DICOM listener accepts, else {@code DOWN}
 * @param version  Strata's version
 * @param database the index database
 * @param dicom    the DICOM listener
 */
public record Health(String status, String version, Database database, DicomListenerState dicom) {

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
