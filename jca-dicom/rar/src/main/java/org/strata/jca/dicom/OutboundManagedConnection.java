package org.strata.jca.dicom;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/** One outbound slot: hands out {@link OutboundAssociation} handles and aborts what they left open on cleanup. */
final class OutboundManagedConnection implements ManagedConnection {
    private final DicomResourceAdapter adapter;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<OutboundAssociation> handles = new CopyOnWriteArrayList<>();
    private PrintWriter logWriter;

    OutboundManagedConnection(DicomResourceAdapter adapter) {
        this.adapter = adapter;
    }

    DicomResourceAdapter adapter() {
        return adapter;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        OutboundAssociation handle = new OutboundAssociation(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof OutboundAssociation handle)) {
            throw new ResourceException("not a DICOM outbound connection: " + connection);
        }
        handle.moveTo(this);
        handles.add(handle);
    }

    void detach(OutboundAssociation handle) {
        handles.remove(handle);
    }

    /** The handle was closed: the container may hand this slot out again. */
    void closed(OutboundAssociation handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        listeners.forEach(l -> l.connectionClosed(event));
    }

    @Override
    public void cleanup() {
        handles.forEach(OutboundAssociation::abandon);
        handles.clear();
    }

    @Override
    public void destroy() {
        cleanup();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("DICOM associations take no part in transactions");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("DICOM associations take no part in transactions");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "DICOM";
            }

            @Override
            public String getEISProductVersion() {
                return "PS3.8";
            }

            @Override
            public int getMaxConnections() {
                return 0;
            }

            @Override
            public String getUserName() {
                return null;
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
