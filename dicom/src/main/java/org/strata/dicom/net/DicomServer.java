package org.strata.dicom.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ServerSocketFactory;

/**
 * Accepts associations on a port. The accept loop and every association run on the caller's {@link Executor};
 * nothing here creates threads.
 */
public final class DicomServer implements Closeable {
    private static final System.Logger LOG = System.getLogger(DicomServer.class.getName());

    private final AcceptPolicy policy;
    private final Function<Association, MessageHandler> handlers;
    private final Executor executor;
    private final AtomicInteger active = new AtomicInteger();
    private ServerSocket serverSocket;

    /**
     * @param policy what to accept
     * @param handlers creates the message handler of each accepted association
     * @param executor runs the accept loop (one long task) and each association (one task each)
     */
    public DicomServer(AcceptPolicy policy, Function<Association, MessageHandler> handlers, Executor executor) {
        this.policy = policy;
        this.handlers = handlers;
        this.executor = executor;
    }

    /** Binds plain TCP and starts accepting. Port 0 picks a free port (see {@link #port()}). */
    public void start(InetSocketAddress address) throws IOException {
        start(address, ServerSocketFactory.getDefault());
    }

    /** Binds with the given factory (e.g. {@link TlsConfig#serverSocketFactory()}) and starts accepting. */
    public void start(InetSocketAddress address, ServerSocketFactory factory) throws IOException {
        ServerSocket ss = factory.createServerSocket();
        ss.setReuseAddress(true);
        ss.setReceiveBufferSize(policy.options().socketBufferSize());
        ss.bind(address, 128);
        serverSocket = ss;
        executor.execute(this::acceptLoop);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Number of connections being served now. */
    public int activeAssociations() {
        return active.get();
    }

    private void acceptLoop() {
        ServerSocket ss = serverSocket;
        while (!ss.isClosed()) {
            Socket socket;
            try {
                socket = ss.accept();
            } catch (IOException e) {
                if (!ss.isClosed()) {
                    LOG.log(System.Logger.Level.ERROR, "accept failed on port " + ss.getLocalPort(), e);
                }
                return;
            }
            active.incrementAndGet();
            try {
                socket.setSendBufferSize(policy.options().socketBufferSize());
                executor.execute(() -> serve(socket));
            } catch (IOException | RejectedExecutionException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot serve " + socket.getRemoteSocketAddress() + ": " + e);
                active.decrementAndGet();
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Already failing; the connection is dropped either way.
                }
            }
        }
    }

    private void serve(Socket socket) {
        try {
            Association.serve(socket, policy.options(), new AssociationNegotiator() {
                @Override
                public AssociateAccept negotiate(AssociateRequest request, String peer)
                        throws AssociationRejectedException {
                    if (active.get() > policy.maxAssociations()) {
                        throw new AssociationRejectedException(new AssociateReject(AssociateReject.RESULT_TRANSIENT,
                                AssociateReject.SOURCE_PROVIDER_PRESENTATION, AssociateReject.REASON_LOCAL_LIMIT_EXCEEDED));
                    }
                    return policy.negotiate(request);
                }

                @Override
                public MessageHandler handlerFor(Association association) {
                    return handlers.apply(association);
                }
            });
        } finally {
            active.decrementAndGet();
        }
    }

    /** Stops accepting; associations in progress continue until they end. */
    @Override
    public void close() throws IOException {
        if (serverSocket != null) {
            serverSocket.close();
        }
    }
}
