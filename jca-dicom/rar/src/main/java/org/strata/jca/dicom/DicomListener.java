package org.strata.jca.dicom;

import jakarta.resource.ResourceException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.net.AcceptPolicy;
import org.strata.dicom.net.DicomServer;

/** The DICOM port: the toolkit's server, accepting what the policy allows, on the container's WorkManager. */
final class DicomListener {
    private static final Logger LOG = Logger.getLogger(DicomListener.class.getName());

    private final String host;
    private final int port;
    private final DicomServer server;
    private volatile boolean open;

    DicomListener(String host, int port, AcceptPolicy policy, DimseServices services, Executor executor) {
        this.host = host;
        this.port = port;
        this.server = new DicomServer(policy, services.handlers(executor), executor);
    }

    void open() throws ResourceException {
        if (port < 1 || port > 65535) {
            throw new ResourceException("resource adapter property 'port' is " + port + "; it must be 1 to 65535");
        }
        try {
            server.start(new InetSocketAddress(host, port));
        } catch (BindException e) {
            throw new ResourceException("DICOM port " + host + ":" + port
                    + " (resource adapter properties 'host' and 'port') cannot be bound: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new ResourceException("DICOM listener on " + host + ":" + port + " failed: " + e.getMessage(), e);
        }
        open = true;
    }

    boolean isOpen() {
        return open;
    }

    void close() {
        open = false;
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Closing the DICOM listener failed", e);
        }
    }
}
