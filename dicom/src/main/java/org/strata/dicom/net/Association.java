package org.strata.dicom.net;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One DICOM association over one transport connection: the upper layer state machine of PS3.8 9.2, with
 * P-DATA-TF fragmentation (sending) and streamed reassembly (receiving).
 *
 * <p>Reading happens on one task run by the caller's {@link Executor}; it hands each complete command to the
 * {@link MessageHandler} and lets it stream the following data set straight from the socket, so memory stays
 * bounded whatever the size of a data set. Sending is thread safe: whole messages are serialized.
 *
 * <p>Any protocol violation by the peer ends in A-ABORT (source service-provider, with the PS3.8 reason) and is
 * logged once with the peer's address. ARTIM and the idle timeout are socket read timeouts: no timer threads.
 */
public final class Association implements Closeable {
    private static final System.Logger LOG = System.getLogger(Association.class.getName());
    /** Upper bound for the body of any PDU other than P-DATA-TF (A-ASSOCIATE-RQ with big SAML assertions...). */
    static final int MAX_ASSOCIATE_PDU_LENGTH = 1 << 20;
    /** Upper bound for a reassembled command set: they are a few hundred bytes in practice. */
    static final int MAX_COMMAND_LENGTH = 1 << 16;

    /** States of PS3.8 table 9-10 that this implementation passes through. */
    public enum State {
        STA1_IDLE, STA2_AWAITING_ASSOCIATE_RQ, STA3_AWAITING_LOCAL_RESPONSE, STA5_AWAITING_ASSOCIATE_RESPONSE,
        STA6_ESTABLISHED, STA7_AWAITING_RELEASE_RP, STA8_AWAITING_LOCAL_RELEASE_RESPONSE,
        STA9_COLLISION_REQUESTOR, STA10_COLLISION_ACCEPTOR, STA11_COLLISION_REQUESTOR_AWAITING_RP,
        STA12_COLLISION_ACCEPTOR, STA13_AWAITING_TRANSPORT_CLOSE
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final boolean requestor;
    private final AssociationOptions options;
    private final String peer;
    private final ReentrantLock messageLock = new ReentrantLock();
    private final ReentrantLock pduLock = new ReentrantLock();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile State state = State.STA1_IDLE;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile IOException closeCause;
    private AssociateRequest request;
    private AssociateAccept accept;
    private MessageHandler handler;
    private byte[] sendBuffer;
    private int currentSoTimeout = -1;

    // Receiving state; touched only by the reader task.
    private long pduRemaining;
    private int pdvRemaining;
    private int pdvContextId;
    private boolean pdvCommand;
    private boolean pdvLast;
    private PDataInputStream openData;

    private Association(Socket socket, boolean requestor, AssociationOptions options) throws IOException {
        this.socket = socket;
        this.requestor = requestor;
        this.options = options.copy();
        this.peer = String.valueOf(socket.getRemoteSocketAddress());
        socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        this.out = socket.getOutputStream();
    }

    // ------------------------------------------------------------------ establishment

    /**
     * Requests an association over a connected socket: sends A-ASSOCIATE-RQ, waits (ARTIM) for the answer and,
     * once accepted, starts reading on {@code executor}.
     */
    public static Association request(Socket socket, AssociateRequest request, AssociationOptions options,
                                      MessageHandler handler, Executor executor) throws IOException {
        Association as = new Association(socket, true, options);
        as.request = request;
        as.handler = handler;
        try {
            as.negotiateAsRequestor();
        } catch (IOException | RuntimeException e) {
            as.closeSocket();
            as.closed.countDown();
            throw e;
        }
        executor.execute(as::readLoop);
        return as;
    }

    /**
     * Serves a freshly accepted socket on the current thread: waits (ARTIM) for A-ASSOCIATE-RQ, answers through
     * {@code negotiator}, then reads until the association ends. Meant to be run by an {@link Executor}.
     */
    public static void serve(Socket socket, AssociationOptions options, AssociationNegotiator negotiator) {
        Association as;
        try {
            as = new Association(socket, false, options);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot set up connection from " + socket.getRemoteSocketAddress()
                    + ": " + e.getMessage());
            closeQuietly(socket);
            return;
        }
        if (as.negotiateAsAcceptor(negotiator)) {
            as.readLoop();
        }
    }

    private void negotiateAsRequestor() throws IOException {
        state = State.STA5_AWAITING_ASSOCIATE_RESPONSE;
        writePdu(PduCodec.encode(request));
        setReadTimeout(options.artimTimeoutMillis());
        int type;
        byte[] body;
        try {
            type = readPduType();
            body = readPduBody(type);
        } catch (SocketTimeoutException e) {
            abortQuietly(AbortReason.SOURCE_PROVIDER, AbortReason.NOT_SPECIFIED);
            throw new AssociationAbortedException("no answer to A-ASSOCIATE-RQ from " + peer + " within ARTIM");
        }
        switch (type) {
            case PduCodec.A_ASSOCIATE_AC -> {
                try {
                    accept = PduCodec.decodeAssociateAccept(body);
                    checkAccept();
                } catch (PduFormatException e) {
                    abortQuietly(AbortReason.SOURCE_PROVIDER, e.abortReason());
                    throw e;
                }
                state = State.STA6_ESTABLISHED;
            }
            case PduCodec.A_ASSOCIATE_RJ -> {
                AssociateReject rj = PduCodec.decodeAssociateReject(body);
                state = State.STA1_IDLE;
                closeSocket();
                throw new AssociationRejectedException(rj);
            }
            case PduCodec.A_ABORT -> {
                state = State.STA1_IDLE;
                closeSocket();
                throw new AssociationAbortedException("A-ABORT from " + peer + " instead of A-ASSOCIATE-AC: "
                        + describeAbort(body));
            }
            default -> {
                abortQuietly(AbortReason.SOURCE_PROVIDER, AbortReason.UNEXPECTED_PDU);
                throw new PduFormatException(AbortReason.UNEXPECTED_PDU,
                        "unexpected PDU type 0x" + Integer.toHexString(type) + " from " + peer + " in " + state);
            }
        }
    }

    private void checkAccept() throws PduFormatException {
        for (PresentationContext pc : accept.presentationContexts()) {
            PresentationContext proposed = request.presentationContext(pc.id());
            if (proposed == null) {
                throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                        "A-ASSOCIATE-AC answers presentation context " + pc.id() + " that was not proposed");
            }
            if (pc.isAccepted() && !proposed.transferSyntaxes().contains(pc.transferSyntax())) {
                throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE, "A-ASSOCIATE-AC accepts "
                        + pc.transferSyntax() + " for context " + pc.id() + " which was not proposed for it");
            }
        }
    }

    /** Returns true when the association was accepted and must now be read. */
    private boolean negotiateAsAcceptor(AssociationNegotiator negotiator) {
        state = State.STA2_AWAITING_ASSOCIATE_RQ;
        try {
            setReadTimeout(options.artimTimeoutMillis());
            int type;
            try {
                type = readPduType();
            } catch (EOFException e) {
                LOG.log(System.Logger.Level.INFO, "connection from " + peer + " closed before A-ASSOCIATE-RQ");
                finish(null);
                return false;
            }
            if (type != PduCodec.A_ASSOCIATE_RQ) {
                throw new PduFormatException(isKnownPduType(type) ? AbortReason.UNEXPECTED_PDU
                        : AbortReason.UNRECOGNIZED_PDU, "PDU type 0x" + Integer.toHexString(type)
                        + " instead of A-ASSOCIATE-RQ");
            }
            request = PduCodec.decodeAssociateRequest(readPduBody(type));
            state = State.STA3_AWAITING_LOCAL_RESPONSE;
            if ((request.protocolVersion() & 1) == 0) {
                reject(new AssociateReject(AssociateReject.RESULT_PERMANENT, AssociateReject.SOURCE_PROVIDER_ACSE,
                        AssociateReject.REASON_PROTOCOL_VERSION_NOT_SUPPORTED));
                return false;
            }
            try {
                accept = negotiator.negotiate(request, peer);
            } catch (AssociationRejectedException e) {
                LOG.log(System.Logger.Level.INFO, "rejecting " + request + " from " + peer + ": " + e.reject());
                reject(e.reject());
                return false;
            }
            handler = negotiator.handlerFor(this);
            state = State.STA6_ESTABLISHED;
            writePdu(PduCodec.encode(accept));
            return true;
        } catch (SocketTimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "no A-ASSOCIATE-RQ from " + peer + " within ARTIM; closing");
            finish(new AssociationAbortedException("ARTIM expired awaiting A-ASSOCIATE-RQ"));
        } catch (PduFormatException e) {
            protocolViolationQuietly(e);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "connection from " + peer + " failed during negotiation: " + e);
            finish(e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "negotiation with " + peer + " failed", e);
            abortQuietly(AbortReason.SOURCE_PROVIDER, AbortReason.NOT_SPECIFIED);
            finish(new AssociationAbortedException("internal error during negotiation", e));
        }
        return false;
    }

    private void reject(AssociateReject rj) throws IOException {
        writePdu(PduCodec.encode(rj));
        awaitTransportClose();
        finish(new AssociationRejectedException(rj));
    }

    // ------------------------------------------------------------------ accessors

    public AssociateRequest request() {
        return request;
    }

    public AssociateAccept accept() {
        return accept;
    }

    public boolean isRequestor() {
        return requestor;
    }

    public State state() {
        return state;
    }

    /** The peer's address, as used in logs. */
    public String peer() {
        return peer;
    }

    public boolean isOpen() {
        return closed.getCount() > 0 && state != State.STA1_IDLE;
    }

    /** The accepted transfer syntax of a presentation context, or null if it was not accepted. */
    public String transferSyntax(int presentationContextId) {
        PresentationContext pc = accept == null ? null : accept.presentationContext(presentationContextId);
        return pc != null && pc.isAccepted() ? pc.transferSyntax() : null;
    }

    /** The abstract syntax proposed for a presentation context. */
    public String abstractSyntax(int presentationContextId) {
        PresentationContext pc = request == null ? null : request.presentationContext(presentationContextId);
        return pc == null ? null : pc.abstractSyntax();
    }

    /**
     * Finds an accepted presentation context for an abstract syntax, preferring {@code transferSyntax} when not
     * null; returns -1 if none.
     */
    public int findContext(String abstractSyntax, String transferSyntax) {
        int any = -1;
        for (PresentationContext pc : accept.presentationContexts()) {
            if (pc.isAccepted() && abstractSyntax.equals(abstractSyntax(pc.id()))) {
                if (transferSyntax == null || transferSyntax.equals(pc.transferSyntax())) {
                    return pc.id();
                }
                if (any < 0) {
                    any = pc.id();
                }
            }
        }
        return transferSyntax == null ? any : -1;
    }

    /** Waits until the association has ended; returns false on timeout. */
    public boolean awaitClose(long timeout, TimeUnit unit) throws InterruptedException {
        return closed.await(timeout, unit);
    }

    /** Why the association ended: null while open or after a normal release. */
    public IOException closeCause() {
        return closeCause;
    }

    // ------------------------------------------------------------------ sending

    /**
     * Sends one DIMSE message: the command, then (if {@code data} is not null) the data set written by it.
     * Messages from different threads are never interleaved.
     */
    public void sendMessage(int presentationContextId, byte[] command, DataWriter data) throws IOException {
        messageLock.lock();
        try {
            State s = state;
            if (s != State.STA6_ESTABLISHED && s != State.STA8_AWAITING_LOCAL_RELEASE_RESPONSE) {
                throw new AssociationAbortedException("cannot send: association with " + peer + " is in " + s);
            }
            if (sendBuffer == null) {
                long peerMax = requestor ? accept.maxPduLength() : request.maxPduLength();
                long max = peerMax == 0 ? options.maxSendPduLength() : Math.min(peerMax, options.maxSendPduLength());
                sendBuffer = new byte[(int) Math.max(max, 64) + 6];
            }
            PDataOutputStream pdata = new PDataOutputStream(presentationContextId, true);
            pdata.write(command);
            pdata.finish();
            if (data != null) {
                pdata = new PDataOutputStream(presentationContextId, false);
                data.writeTo(pdata);
                pdata.finish();
            }
        } catch (IOException e) {
            if (!(e instanceof AssociationAbortedException)) {
                abortQuietly(AbortReason.SOURCE_USER, AbortReason.NOT_SPECIFIED);
                finish(e);
            }
            throw e;
        } finally {
            messageLock.unlock();
        }
    }

    /** Writes a data set into P-DATA-TF PDVs (see {@link PDataOutputStream}). */
    @FunctionalInterface
    public interface DataWriter {
        void writeTo(PDataOutputStream out) throws IOException;
    }

    /**
     * Fragments what is written into PDVs of at most the peer's maximum PDU length, one PDV per PDU; the last
     * fragment is flagged when the message ends.
     */
    public final class PDataOutputStream extends OutputStream {
        private final int contextId;
        private final boolean command;
        private int count;

        private PDataOutputStream(int contextId, boolean command) {
            this.contextId = contextId;
            this.command = command;
        }

        /** Even, so that every fragment but possibly the last has an even length as PS3.8 requires. */
        private int capacity() {
            return (sendBuffer.length - 12) & ~1;
        }

        @Override
        public void write(int b) throws IOException {
            if (count == capacity()) {
                flushPdu(false);
            }
            sendBuffer[12 + count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (count == capacity()) {
                    flushPdu(false);
                }
                int n = Math.min(len, capacity() - count);
                System.arraycopy(b, off, sendBuffer, 12 + count, n);
                count += n;
                off += n;
                len -= n;
            }
        }

        /** Copies {@code length} bytes from {@code in} (e.g. a file after its meta information). */
        public void transferFrom(InputStream source, long length) throws IOException {
            while (length > 0) {
                if (count == capacity()) {
                    flushPdu(false);
                }
                int n = source.read(sendBuffer, 12 + count, (int) Math.min(length, capacity() - count));
                if (n < 0) {
                    throw new EOFException("source ended " + length + " bytes early");
                }
                count += n;
                length -= n;
            }
        }

        /** Copies everything left in {@code source}. */
        public void transferFrom(InputStream source) throws IOException {
            while (true) {
                if (count == capacity()) {
                    flushPdu(false);
                }
                int n = source.read(sendBuffer, 12 + count, capacity() - count);
                if (n < 0) {
                    return;
                }
                count += n;
            }
        }

        private void finish() throws IOException {
            flushPdu(true);
        }

        private void flushPdu(boolean last) throws IOException {
            byte[] b = sendBuffer;
            PduCodec.putInt(b, 2, count + 6);
            b[0] = PduCodec.P_DATA_TF;
            b[1] = 0;
            PduCodec.putInt(b, 6, count + 2);
            b[10] = (byte) contextId;
            b[11] = (byte) ((command ? 1 : 0) | (last ? 2 : 0));
            writePdu(b, 0, 12 + count);
            count = 0;
        }

        @Override
        public void close() {
            // The message ends through Association.sendMessage; closing the stream by the writer is harmless.
        }
    }

    private void writePdu(byte[] pdu) throws IOException {
        writePdu(pdu, 0, pdu.length);
    }

    private void writePdu(byte[] b, int off, int len) throws IOException {
        pduLock.lock();
        try {
            out.write(b, off, len);
        } finally {
            pduLock.unlock();
        }
        lastActivityNanos = System.nanoTime();
    }

    // ------------------------------------------------------------------ release and abort

    /**
     * Releases the association (A-RELEASE-RQ) and waits for its end, handling a release collision; aborts if
     * the peer does not answer within ARTIM.
     */
    public void release() throws IOException {
        messageLock.lock();
        try {
            if (state != State.STA6_ESTABLISHED) {
                throw new AssociationAbortedException("cannot release: association with " + peer + " is in " + state);
            }
            state = State.STA7_AWAITING_RELEASE_RP;
            writePdu(PduCodec.releaseRequest());
        } finally {
            messageLock.unlock();
        }
        try {
            if (!closed.await(options.artimTimeoutMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "no A-RELEASE-RP from " + peer + " within ARTIM; aborting");
                abort();
                throw new AssociationAbortedException("no A-RELEASE-RP within ARTIM");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new AssociationAbortedException("interrupted while releasing");
        }
        if (closeCause != null) {
            throw closeCause;
        }
    }

    /** Aborts the association (A-ABORT, source service-user) and closes the transport. */
    public void abort() {
        abortQuietly(AbortReason.SOURCE_USER, AbortReason.NOT_SPECIFIED);
        finish(new AssociationAbortedException("aborted locally"));
    }

    @Override
    public void close() {
        if (isOpen()) {
            abort();
        }
    }

    private void abortQuietly(int source, int reason) {
        if (socket.isClosed()) {
            return;
        }
        try {
            // A writer stuck on a peer that does not read must not block the abort: then we just close.
            if (pduLock.tryLock(100, TimeUnit.MILLISECONDS)) {
                try {
                    byte[] pdu = PduCodec.abort(source, reason);
                    out.write(pdu, 0, pdu.length);
                } finally {
                    pduLock.unlock();
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not send A-ABORT to " + peer + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state = State.STA1_IDLE;
        closeSocket();
    }

    private void protocolViolationQuietly(PduFormatException e) {
        LOG.log(System.Logger.Level.WARNING, "protocol violation by " + peer + " in " + state + ": "
                + e.getMessage() + "; sending A-ABORT (" + AbortReason.describe(AbortReason.SOURCE_PROVIDER,
                e.abortReason()) + ")");
        abortQuietly(AbortReason.SOURCE_PROVIDER, e.abortReason());
        finish(e);
    }

    private void finish(IOException cause) {
        if (closed.getCount() == 0) {
            return;
        }
        closeCause = cause;
        state = State.STA1_IDLE;
        closeSocket();
        closed.countDown();
        if (handler != null) {
            try {
                handler.onClose(this, cause);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "close handler failed for " + peer, e);
            }
        }
    }

    private void closeSocket() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // Nothing left to do with a socket we are discarding.
        }
    }

    /** Acceptor side after A-RELEASE-RP or A-ASSOCIATE-RJ: wait (ARTIM) for the requestor to close. */
    private void awaitTransportClose() {
        state = State.STA13_AWAITING_TRANSPORT_CLOSE;
        try {
            setReadTimeout(options.artimTimeoutMillis());
            byte[] skip = new byte[512];
            while (in.read(skip) >= 0) {
                // PS3.8 Sta13: whatever still arrives is ignored until the peer closes.
            }
        } catch (IOException e) {
            // ARTIM expired or the peer reset: either way we close now.
        }
        closeSocket();
    }

    // ------------------------------------------------------------------ receiving

    private void readLoop() {
        IOException cause = null;
        try {
            while (nextPdv()) {
                if (!pdvCommand) {
                    throw new PduFormatException(AbortReason.UNEXPECTED_PDU_PARAMETER,
                            "data PDV on context " + pdvContextId + " without a preceding command");
                }
                int contextId = pdvContextId;
                byte[] command = readCommand();
                openData = null;
                handler.onCommand(this, contextId, command);
                if (openData != null) {
                    openData.drain();
                    openData = null;
                }
            }
        } catch (PduFormatException e) {
            if (state != State.STA1_IDLE) {
                protocolViolationQuietly(e);
            }
            cause = e;
        } catch (SocketTimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "association with " + peer + " timed out in " + state
                    + " (" + e.getMessage() + "); sending A-ABORT");
            abortQuietly(AbortReason.SOURCE_PROVIDER, AbortReason.NOT_SPECIFIED);
            cause = new AssociationAbortedException("timeout in " + state, e);
        } catch (IOException e) {
            if (state != State.STA1_IDLE) {
                LOG.log(System.Logger.Level.WARNING, "association with " + peer + " failed in " + state + ": " + e);
                abortQuietly(AbortReason.SOURCE_PROVIDER, AbortReason.NOT_SPECIFIED);
            }
            cause = e;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "handler failed on association with " + peer + "; sending A-ABORT", e);
            abortQuietly(AbortReason.SOURCE_PROVIDER, AbortReason.NOT_SPECIFIED);
            cause = new AssociationAbortedException("handler failed", e);
        }
        finish(cause == null ? closeCause : cause);
    }

    private byte[] readCommand() throws IOException {
        int contextId = pdvContextId;
        ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        while (true) {
            if (buf.size() + pdvRemaining > MAX_COMMAND_LENGTH) {
                throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                        "command set longer than " + MAX_COMMAND_LENGTH + " bytes");
            }
            byte[] fragment = new byte[pdvRemaining];
            readFully(fragment, 0, fragment.length);
            buf.write(fragment, 0, fragment.length);
            pduRemaining -= pdvRemaining;
            pdvRemaining = 0;
            if (pdvLast) {
                return buf.toByteArray();
            }
            if (!nextPdv()) {
                throw new AssociationAbortedException("association ended inside a command set");
            }
            if (!pdvCommand || pdvContextId != contextId) {
                throw new PduFormatException(AbortReason.UNEXPECTED_PDU_PARAMETER,
                        "command fragment expected on context " + contextId + ", got "
                                + (pdvCommand ? "command" : "data") + " on context " + pdvContextId);
            }
        }
    }

    /**
     * The data set that follows the command being handled, streamed from the socket. Only valid on the reader
     * thread during {@link MessageHandler#onCommand}; unread data is skipped when the handler returns.
     */
    public InputStream openDataInput(int presentationContextId) {
        if (openData == null) {
            openData = new PDataInputStream(presentationContextId);
        }
        return openData;
    }

    /** Reads PDVs of one data set; a PDV of another kind or context is a protocol violation. */
    private final class PDataInputStream extends InputStream {
        private final int contextId;
        private boolean started;
        private boolean ended;

        PDataInputStream(int contextId) {
            this.contextId = contextId;
        }

        private boolean ensure() throws IOException {
            while (pdvRemaining == 0 || !started) {
                if (ended || (started && pdvLast)) {
                    ended = true;
                    return false;
                }
                if (!nextPdv()) {
                    throw new AssociationAbortedException("association ended inside a data set");
                }
                if (pdvCommand || pdvContextId != contextId) {
                    throw protocolViolation(new PduFormatException(AbortReason.UNEXPECTED_PDU_PARAMETER,
                            "data fragment expected on context " + contextId + ", got "
                                    + (pdvCommand ? "command" : "data") + " on context " + pdvContextId));
                }
                started = true;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            if (!ensure()) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside a PDV");
            }
            pdvRemaining--;
            pduRemaining--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!ensure()) {
                return -1;
            }
            int n = in.read(b, off, Math.min(len, pdvRemaining));
            if (n < 0) {
                throw new EOFException("connection closed inside a PDV");
            }
            pdvRemaining -= n;
            pduRemaining -= n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return ended ? 0 : Math.min(pdvRemaining, in.available());
        }

        void drain() throws IOException {
            byte[] skip = new byte[8192];
            while (read(skip, 0, skip.length) >= 0) {
                // Skipping what the handler left unread keeps the stream aligned on the next message.
            }
        }
    }

    private PduFormatException protocolViolation(PduFormatException e) {
        protocolViolationQuietly(e);
        return e;
    }

    /**
     * Positions on the next PDV header, reading PDUs as needed. Returns false when the association ended
     * normally (release); throws on abort and on protocol violations.
     */
    private boolean nextPdv() throws IOException {
        if (pdvRemaining > 0) {
            throw new IllegalStateException("previous PDV not consumed");
        }
        while (pduRemaining == 0) {
            if (!readNextPdu()) {
                return false;
            }
        }
        if (pduRemaining < 6) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "P-DATA-TF has " + pduRemaining + " bytes left, too few for a PDV item");
        }
        setReadTimeout(pduTimeout());
        long length = readInt() & 0xFFFFFFFFL;
        pdvContextId = readByte();
        int header = readByte();
        if (length < 2 || length - 2 > pduRemaining - 6 || length > Integer.MAX_VALUE) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "PDV length " + length + " does not fit the P-DATA-TF (" + (pduRemaining - 4) + " left)");
        }
        if ((header & 0xFC) != 0) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "PDV message control header 0x" + Integer.toHexString(header) + " has reserved bits set");
        }
        if (transferSyntax(pdvContextId) == null) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "PDV on presentation context " + pdvContextId + " which is not accepted");
        }
        pduRemaining -= 6;
        pdvRemaining = (int) (length - 2);
        pdvCommand = (header & 1) != 0;
        pdvLast = (header & 2) != 0;
        return true;
    }

    /** Reads one PDU that is not a PDV; returns false when the association ended normally. */
    private boolean readNextPdu() throws IOException {
        setReadTimeout(options.idleTimeoutMillis());
        int type;
        while (true) {
            try {
                type = readPduType();
                break;
            } catch (SocketTimeoutException e) {
                long idleNanos = System.nanoTime() - lastActivityNanos;
                if (idleNanos < TimeUnit.MILLISECONDS.toNanos(options.idleTimeoutMillis())) {
                    continue;
                }
                throw new SocketTimeoutException("idle for " + TimeUnit.NANOSECONDS.toMillis(idleNanos) + " ms");
            }
        }
        if (type == PduCodec.P_DATA_TF) {
            long length = readPduLength();
            long max = requestor ? request.maxPduLength() : accept.maxPduLength();
            if (max > 0 && length > max) {
                throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                        "P-DATA-TF of " + length + " bytes exceeds our maximum " + max);
            }
            if (length == 0) {
                throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE, "P-DATA-TF without PDV");
            }
            if (state != State.STA6_ESTABLISHED && state != State.STA7_AWAITING_RELEASE_RP) {
                throw new PduFormatException(AbortReason.UNEXPECTED_PDU, "P-DATA-TF in " + state);
            }
            pduRemaining = length;
            return true;
        }
        byte[] body = readPduBody(type);
        switch (type) {
            case PduCodec.A_RELEASE_RQ -> {
                return onReleaseRequest();
            }
            case PduCodec.A_RELEASE_RP -> {
                return onReleaseResponse();
            }
            case PduCodec.A_ABORT -> {
                String why = describeAbort(body);
                LOG.log(System.Logger.Level.INFO, "A-ABORT received from " + peer + ": " + why);
                state = State.STA1_IDLE;
                closeSocket();
                throw new AssociationAbortedException("aborted by " + peer + ": " + why);
            }
            default -> throw new PduFormatException(AbortReason.UNEXPECTED_PDU,
                    "PDU type 0x" + Integer.toHexString(type) + " in " + state);
        }
    }

    private boolean onReleaseRequest() throws IOException {
        if (openData != null && !openData.ended) {
            throw new PduFormatException(AbortReason.UNEXPECTED_PDU, "A-RELEASE-RQ inside a data set");
        }
        switch (state) {
            case STA6_ESTABLISHED -> {
                state = State.STA8_AWAITING_LOCAL_RELEASE_RESPONSE;
                handler.onReleaseRequested(this);
                messageLock.lock();
                try {
                    writePdu(PduCodec.releaseResponse());
                } finally {
                    messageLock.unlock();
                }
                if (requestor) {
                    // Unusual but legal: the acceptor released; we answered and close the transport.
                    closeSocket();
                } else {
                    awaitTransportClose();
                }
                finish(null);
                return false;
            }
            case STA7_AWAITING_RELEASE_RP -> {
                // Release collision (PS3.8 9.2.3): the requestor answers first, the acceptor answers second.
                if (requestor) {
                    state = State.STA9_COLLISION_REQUESTOR;
                    writePdu(PduCodec.releaseResponse());
                    state = State.STA11_COLLISION_REQUESTOR_AWAITING_RP;
                } else {
                    state = State.STA10_COLLISION_ACCEPTOR;
                }
                return true;
            }
            default -> throw new PduFormatException(AbortReason.UNEXPECTED_PDU, "A-RELEASE-RQ in " + state);
        }
    }

    private boolean onReleaseResponse() throws IOException {
        switch (state) {
            case STA7_AWAITING_RELEASE_RP, STA11_COLLISION_REQUESTOR_AWAITING_RP -> {
                if (requestor) {
                    closeSocket();
                } else {
                    awaitTransportClose();
                }
                finish(null);
                return false;
            }
            case STA10_COLLISION_ACCEPTOR -> {
                state = State.STA12_COLLISION_ACCEPTOR;
                writePdu(PduCodec.releaseResponse());
                awaitTransportClose();
                finish(null);
                return false;
            }
            default -> throw new PduFormatException(AbortReason.UNEXPECTED_PDU, "A-RELEASE-RP in " + state);
        }
    }

    private int pduTimeout() {
        int idle = options.idleTimeoutMillis();
        return idle == 0 ? options.artimTimeoutMillis() : Math.min(idle, options.artimTimeoutMillis());
    }

    private int readPduType() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("connection closed by " + peer + " in " + state);
        }
        lastActivityNanos = System.nanoTime();
        setReadTimeout(pduTimeout());
        return type;
    }

    private long readPduLength() throws IOException {
        readByte();
        return readInt() & 0xFFFFFFFFL;
    }

    private byte[] readPduBody(int type) throws IOException {
        if (!isKnownPduType(type)) {
            throw new PduFormatException(AbortReason.UNRECOGNIZED_PDU,
                    "unrecognized PDU type 0x" + Integer.toHexString(type));
        }
        long length = readPduLength();
        long expected = switch (type) {
            case PduCodec.A_ASSOCIATE_RQ, PduCodec.A_ASSOCIATE_AC -> -1;
            default -> 4;
        };
        if (expected >= 0 ? length != expected : length > MAX_ASSOCIATE_PDU_LENGTH) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "PDU type 0x" + Integer.toHexString(type) + " with invalid length " + length);
        }
        byte[] body = new byte[(int) length];
        readFully(body, 0, body.length);
        return body;
    }

    private static boolean isKnownPduType(int type) {
        return type >= PduCodec.A_ASSOCIATE_RQ && type <= PduCodec.A_ABORT;
    }

    private static String describeAbort(byte[] body) {
        return body.length == 4 ? AbortReason.describe(body[2] & 0xFF, body[3] & 0xFF) : "malformed A-ABORT";
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("connection closed by " + peer + " inside a PDU");
        }
        return b;
    }

    private int readInt() throws IOException {
        return (readByte() << 24) | (readByte() << 16) | (readByte() << 8) | readByte();
    }

    private void readFully(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = in.read(b, off, len);
            if (n < 0) {
                throw new EOFException("connection closed by " + peer + " inside a PDU");
            }
            off += n;
            len -= n;
        }
    }

    private void setReadTimeout(int millis) throws IOException {
        if (millis != currentSoTimeout) {
            socket.setSoTimeout(millis);
            currentSoTimeout = millis;
        }
    }

    @Override
    public String toString() {
        return (requestor ? "SCU" : "SCP") + " association with " + peer + " (" + state + ")";
    }
}
