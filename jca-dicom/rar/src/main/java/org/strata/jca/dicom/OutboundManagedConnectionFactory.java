package org.strata.jca.dicom;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;
import org.strata.jca.dicom.api.DicomAssociation;
import org.strata.jca.dicom.api.DicomConnectionFactory;

/**
 * The outbound connection definition of the adapter. A managed connection is only a slot: each use opens a new
 * association and releases it on close, so any idle slot matches any request (associations are not pooled).
 */
@ConnectionDefinition(connectionFactory = DicomConnectionFactory.class,
        connectionFactoryImpl = OutboundConnectionFactory.class,
        connection = DicomAssociation.class,
        connectionImpl = OutboundAssociation.class)
public class OutboundManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {
    private static final long serialVersionUID = 1L;

    private transient DicomResourceAdapter adapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) {
        return new OutboundConnectionFactory(this, connectionManager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new ResourceException("the DICOM outbound connection factory runs only inside the application server");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        if (adapter == null) {
            throw new ResourceException("the DICOM outbound connection definition is not associated with its adapter");
        }
        return new OutboundManagedConnection(adapter);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set connections, Subject subject, ConnectionRequestInfo info) {
        for (Object c : connections) {
            if (c instanceof OutboundManagedConnection idle) {
                return idle;
            }
        }
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.adapter = (DicomResourceAdapter) ra;
    }

    // The JCA specification asks for equality by configuration; this definition has none besides its adapter.
    @Override
    public boolean equals(Object o) {
        return o instanceof OutboundManagedConnectionFactory other && other.adapter == adapter;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(adapter);
    }
}
