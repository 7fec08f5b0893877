package org.strata.jca.dicom.api;

/**
 * The resource adapter's administered object that EJBs look up (JNDI {@value #JNDI_NAME}) to learn the
 * state of the DICOM listener.
 */
public interface DicomListenerStatus {
    String JNDI_NAME = "java:global/strata/dicom/listener-status";

    DicomListenerState current();
}
