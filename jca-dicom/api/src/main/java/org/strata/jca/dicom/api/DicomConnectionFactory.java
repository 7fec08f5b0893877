package org.strata.jca.dicom.api;

import java.io.IOException;
import org.strata.dicom.net.AssociateRequest;

/**
 * The resource adapter's outbound connection factory (JNDI {@value #JNDI_NAME}): EJBs open associations to remote
 * AEs through it (C-MOVE sub-operations, N-EVENT-REPORT, forwarding). Each {@link #open} is a new association on
 * the container's WorkManager, with TLS from the adapter's key and trust stores when the peer asks for it; closing
 * the returned {@link DicomAssociation} releases it.
 */
public interface DicomConnectionFactory {
    String JNDI_NAME = "java:/strata/dicom/Outbound";

    /**
     * Opens an association to {@code peer} as {@code request} proposes (calling and called AE titles, presentation
     * contexts, role selections).
     *
     * @throws IOException when the peer cannot be reached, rejects or aborts the association, the TLS handshake
     *                     fails, or the adapter has no outbound connection to give (the message says which)
     */
    DicomAssociation open(DicomPeer peer, AssociateRequest request) throws IOException;
}
