package org.strata.jca.dicom;

import jakarta.resource.ResourceException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ServerSocketFactory;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.net.AcceptPolicy;
import org.strata.dicom.net.DicomServer;

/**
 * A DICOM port (plain or TLS): the toolkit's server, accepting what the policy allows, on the container's
 * WorkManager.
 */
final class DicomListener {
    private static final Logger LOG = Logger.getLogger(DicomListener.class.getName());

    private final String host;
    private final int port;
    private final String portProperty;
    private final ServerSocketFactory sockets;
    private final DicomServer server;
    private volatile boolean open;

    /**
     * @param portProperty the resource adapter property that set {@code port}, named in error messages
     * @param sockets      plain or TLS server sockets
     */
    DicomListener(String host, int port, String portProperty, ServerSocketFactory sockets, AcceptPolicy policy,
                  DimseServices services, Executor executor) {
        this.host = host;
        this.port = port;
        this.portProperty = portProperty;
        this.sockets = sockets;
        this.server = new DicomServer(policy, services.handlers(executor), executor);
    }

    void open() throws ResourceException {
        if (port < 1 || port > 65535) {
            throw new ResourceException("resource adapter property '" + portProperty + "' is " + port
                    + "; it must be 1 to 65535");
        }
        try {
            server.start(new InetSocketAddress(host, port), sockets);
        } catch (BindException e) {
            throw new ResourceException("DICOM port " + host + ":" + port + " (resource adapter properties 'host' and '"
                    + portProperty + "') cannot be bound: " + e.getMessage(), e);
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
