package org.strata.jca.dicom;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The listening socket and its accept loop, run as a long-lived {@link Work} on the container's WorkManager
 * (never a thread of our own). For now each accepted connection is closed again; the DIMSE layer takes it over.
 */
final class DicomListener {
    private static final Logger LOG = Logger.getLogger(DicomListener.class.getName());

    private final String host;
    private final int port;
    private final WorkManager workManager;
    private ServerSocket serverSocket;

    DicomListener(String host, int port, WorkManager workManager) {
        this.host = host;
        this.port = port;
        this.workManager = workManager;
    }

    void open() throws ResourceException {
        if (port < 1 || port > 65535) {
            throw new ResourceException("resource adapter property 'port' is " + port + "; it must be 1 to 65535");
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            try {
                socket.bind(new InetSocketAddress(host, port), 128);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            serverSocket = socket;
        } catch (BindException e) {
            throw new ResourceException("DICOM port " + host + ":" + port
                    + " (resource adapter properties 'host' and 'port') cannot be bound: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ResourceException("DICOM listener on " + host + ":" + port + " failed: " + e.getMessage(), e);
        }
        try {
            workManager.scheduleWork(new AcceptLoop());
        } catch (WorkException e) {
            close();
            throw new ResourceException("the container refused to run the DICOM accept loop: " + e.getMessage(), e);
        }
    }

    boolean isOpen() {
        ServerSocket socket = serverSocket;
        return socket != null && socket.isBound() && !socket.isClosed();
    }

    void close() {
        try {
            if (serverSocket != null) {
                serverSocket.close();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Closing the DICOM listener failed", e);
        }
    }

    private final class AcceptLoop implements Work {
        @Override
        public void run() {
            while (isOpen()) {
                try (Socket connection = serverSocket.accept()) {
                    LOG.fine(() -> "DICOM connection from " + connection.getRemoteSocketAddress());
                } catch (SocketException e) {
                    if (isOpen()) {
                        LOG.log(Level.WARNING, "DICOM accept failed", e);
                    }
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "DICOM accept failed", e);
                }
            }
        }

        @Override
        public void release() {
            close();
        }
    }
}
