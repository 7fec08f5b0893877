package org.strata.jca.dicom;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.net.AssociateRequest;
import org.strata.jca.dicom.api.DicomAssociation;
import org.strata.jca.dicom.api.DicomPeer;

/** The connection handle an EJB holds: one association, opened by {@link #associate}, released by {@link #close}. */
public final class OutboundAssociation implements DicomAssociation {
    private static final Logger LOG = Logger.getLogger(OutboundAssociation.class.getName());

    private volatile OutboundManagedConnection managed;
    private volatile DimseChannel channel;
    private volatile boolean closed;

    OutboundAssociation(OutboundManagedConnection managed) {
        this.managed = managed;
    }

    void associate(DicomPeer peer, AssociateRequest request) throws IOException {
        channel = managed.adapter().openAssociation(peer, request);
    }

    void moveTo(OutboundManagedConnection other) {
        OutboundManagedConnection previous = managed;
        managed = other;
        previous.detach(this);
    }

    @Override
    public DimseChannel channel() {
        DimseChannel open = channel;
        if (closed || open == null) {
            throw new IllegalStateException("the DICOM association handle is closed");
        }
        return open;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        release();
        managed.closed(this);
    }

    /** The container reclaims the slot while this handle is still open (e.g. the EJB forgot to close it). */
    void abandon() {
        closed = true;
        DimseChannel open = channel;
        channel = null;
        if (open != null && open.association().isOpen()) {
            open.association().abort();
        }
    }

    private void release() {
        DimseChannel open = channel;
        channel = null;
        if (open == null || !open.association().isOpen()) {
            return;
        }
        try {
            open.release();
        } catch (IOException e) {
            LOG.log(Level.FINE, "release failed, aborting the association", e);
            open.association().abort();
        }
    }
}
