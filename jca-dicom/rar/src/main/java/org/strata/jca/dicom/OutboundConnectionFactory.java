package org.strata.jca.dicom;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.IOException;
import java.io.Serializable;
import javax.naming.Reference;
import org.strata.dicom.net.AssociateRequest;
import org.strata.jca.dicom.api.DicomAssociation;
import org.strata.jca.dicom.api.DicomConnectionFactory;
import org.strata.jca.dicom.api.DicomPeer;

/** What EJBs find under {@link DicomConnectionFactory#JNDI_NAME}: asks the container for a connection, then associates. */
public class OutboundConnectionFactory implements DicomConnectionFactory, Serializable, Referenceable {
    private static final long serialVersionUID = 1L;

    private final transient OutboundManagedConnectionFactory managedFactory;
    private final transient ConnectionManager connectionManager;
    private Reference reference;

    OutboundConnectionFactory(OutboundManagedConnectionFactory managedFactory, ConnectionManager connectionManager) {
        this.managedFactory = managedFactory;
        this.connectionManager = connectionManager;
    }

    @Override
    public DicomAssociation open(DicomPeer peer, AssociateRequest request) throws IOException {
        OutboundAssociation handle;
        try {
            handle = (OutboundAssociation) connectionManager.allocateConnection(managedFactory, null);
        } catch (ResourceException e) {
            throw new IOException("no outbound DICOM connection available (" + JNDI_NAME + "): " + e.getMessage(), e);
        }
        try {
            handle.associate(peer, request);
            return handle;
        } catch (IOException | RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
