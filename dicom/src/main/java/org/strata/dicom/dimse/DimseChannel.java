package org.strata.dicom.dimse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.Association;
import org.strata.dicom.net.AssociationAbortedException;
import org.strata.dicom.net.AssociationOptions;
import org.strata.dicom.net.MessageHandler;
import org.strata.dicom.net.TlsConfig;

/**
 * DIMSE messaging over one association, for both roles: sends requests and matches their responses (several
 * outstanding when the asynchronous operations window allows), and performs incoming requests through the
 * registered {@link DimseServices}.
 *
 * <p>C-STORE requests are performed on the association's reader task with their data set streamed from the
 * socket; other requests are read whole (they are small) and performed on the executor, so that C-CANCEL and
 * the responses to sub-operations (C-GET's C-STOREs, N-EVENT-REPORTs) can still be read meanwhile.
 */
public final class DimseChannel implements MessageHandler {
    private static final System.Logger LOG = System.getLogger(DimseChannel.class.getName());
    /** Largest non-C-STORE data set accepted (identifiers, N-service attribute lists). */
    static final int MAX_SMALL_DATA_SET = 16 << 20;

    private final DimseServices services;
    private final Executor executor;
    private final AtomicInteger nextMessageId = new AtomicInteger();
    private final Map<Integer, Outstanding> outstanding = new ConcurrentHashMap<>();
    private final Map<Integer, DimseRequest> performing = new ConcurrentHashMap<>();
    private volatile Association association;
    private volatile Semaphore invokeWindow;

    /** A request we sent that awaits its final response. */
    private record Outstanding(CompletableFuture<DimseResponse> result, Consumer<DimseResponse> onPending) {
    }

    public DimseChannel(DimseServices services, Executor executor) {
        this.services = services;
        this.executor = executor;
    }

    /**
     * Opens an association as requestor (plain TCP, or TLS when {@code tls} is not null); its reader runs on
     * {@code executor}, which also performs requests the peer sends us (e.g. C-STORE sub-operations of C-GET).
     */
    public static DimseChannel open(String host, int port, TlsConfig tls, AssociateRequest request,
                                    AssociationOptions options, DimseServices services, Executor executor)
            throws IOException {
        DimseChannel channel = new DimseChannel(services, executor);
        channel.association = Association.request(TlsConfig.connect(host, port, tls, options), request, options,
                channel, executor);
        return channel;
    }

    public Association association() {
        return association;
    }

    void attach(Association as) {
        this.association = as;
    }

    // ------------------------------------------------------------------ requestor side

    /**
     * Sends a request and returns the future of its final response. {@code onPending} (may be null) is called on
     * the reader task for each pending response (C-FIND matches, C-MOVE/C-GET progress). Blocks while the
     * asynchronous operations window is full.
     */
    public CompletableFuture<DimseResponse> invoke(int presentationContextId, Command request,
                                                   Association.DataWriter data, Consumer<DimseResponse> onPending)
            throws IOException {
        Semaphore window = window();
        try {
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DimseException("interrupted waiting for the asynchronous operations window");
        }
        int id = nextMessageId.updateAndGet(v -> (v % 0xFFFF) + 1);
        request.setInt(Command.MESSAGE_ID, id);
        request.setInt(Command.COMMAND_DATA_SET_TYPE, data == null ? Command.NO_DATA_SET : Command.DATA_SET_PRESENT);
        CompletableFuture<DimseResponse> result = new CompletableFuture<>();
        result.whenComplete((r, e) -> window.release());
        outstanding.put(id, new Outstanding(result, onPending));
        try {
            association.sendMessage(presentationContextId, request.encode(), data);
        } catch (IOException e) {
            outstanding.remove(id);
            result.completeExceptionally(e);
            throw e;
        }
        return result;
    }

    /** Sends a request and waits for its final response. */
    public DimseResponse invokeAndWait(int presentationContextId, Command request, Association.DataWriter data,
                                       Consumer<DimseResponse> onPending) throws IOException {
        return await(invoke(presentationContextId, request, data, onPending));
    }

    /** Waits for a response future, turning failures back into the IOException that caused them. */
    public static DimseResponse await(CompletableFuture<DimseResponse> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DimseException("interrupted waiting for a DIMSE response");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new DimseException("DIMSE request failed: " + e.getCause());
        }
    }

    /** C-ECHO on the first accepted Verification context. */
    public DimseResponse echo() throws IOException {
        int pc = requireContext(DimseServices.VERIFICATION, null);
        Command rq = Command.create(CommandField.C_ECHO_RQ, 0, false);
        rq.setString(Command.AFFECTED_SOP_CLASS_UID, DimseServices.VERIFICATION);
        return invokeAndWait(pc, rq, null, null);
    }

    /**
     * C-STORE of one instance whose data set (already in the context's transfer syntax) {@code data} writes.
     *
     * @param moveOriginatorAeTitle and {@code moveOriginatorMessageId}: set for C-MOVE sub-operations, else null/-1
     */
    public CompletableFuture<DimseResponse> store(int presentationContextId, String sopClassUid,
                                                  String sopInstanceUid, int priority, Association.DataWriter data,
                                                  String moveOriginatorAeTitle, int moveOriginatorMessageId)
            throws IOException {
        Command rq = Command.create(CommandField.C_STORE_RQ, 0, true);
        rq.setString(Command.AFFECTED_SOP_CLASS_UID, sopClassUid);
        rq.setString(Command.AFFECTED_SOP_INSTANCE_UID, sopInstanceUid);
        rq.setInt(Command.PRIORITY, priority);
        if (moveOriginatorAeTitle != null) {
            rq.setString(Command.MOVE_ORIGINATOR_AE_TITLE, moveOriginatorAeTitle);
            rq.setInt(Command.MOVE_ORIGINATOR_MESSAGE_ID, moveOriginatorMessageId);
        }
        return invoke(presentationContextId, rq, data, null);
    }

    /** C-FIND; each match arrives as a pending response (its {@link DimseResponse#dataset()} is the match). */
    public CompletableFuture<DimseResponse> find(int presentationContextId, String sopClassUid, Dataset keys,
                                                 Consumer<DimseResponse> onMatch) throws IOException {
        return invoke(presentationContextId, retrieveCommand(CommandField.C_FIND_RQ, sopClassUid), data(
                presentationContextId, keys), onMatch);
    }

    /** C-MOVE to {@code destination}; pending responses report sub-operation counts. */
    public CompletableFuture<DimseResponse> move(int presentationContextId, String sopClassUid, String destination,
                                                 Dataset keys, Consumer<DimseResponse> onProgress) throws IOException {
        Command rq = retrieveCommand(CommandField.C_MOVE_RQ, sopClassUid);
        rq.setString(Command.MOVE_DESTINATION, destination);
        return invoke(presentationContextId, rq, data(presentationContextId, keys), onProgress);
    }

    /**
     * C-GET; the C-STORE sub-operations arrive on this association and are performed by the storage service
     * registered in this channel's {@link DimseServices} (the SCP role must have been negotiated).
     */
    public CompletableFuture<DimseResponse> get(int presentationContextId, String sopClassUid, Dataset keys,
                                                Consumer<DimseResponse> onProgress) throws IOException {
        return invoke(presentationContextId, retrieveCommand(CommandField.C_GET_RQ, sopClassUid),
                data(presentationContextId, keys), onProgress);
    }

    private static Command retrieveCommand(int field, String sopClassUid) {
        Command rq = Command.create(field, 0, true);
        rq.setString(Command.AFFECTED_SOP_CLASS_UID, sopClassUid);
        rq.setInt(Command.PRIORITY, Command.PRIORITY_MEDIUM);
        return rq;
    }

    /** N-EVENT-REPORT (e.g. a storage commitment result). */
    public CompletableFuture<DimseResponse> eventReport(int presentationContextId, String sopClassUid,
                                                        String sopInstanceUid, int eventTypeId, Dataset info)
            throws IOException {
        Command rq = nCommand(CommandField.N_EVENT_REPORT_RQ, Command.AFFECTED_SOP_CLASS_UID, sopClassUid,
                Command.AFFECTED_SOP_INSTANCE_UID, sopInstanceUid);
        rq.setInt(Command.EVENT_TYPE_ID, eventTypeId);
        return invoke(presentationContextId, rq, data(presentationContextId, info), null);
    }

    /** N-GET of some attributes (none listed: all). */
    public CompletableFuture<DimseResponse> nGet(int presentationContextId, String sopClassUid,
                                                 String sopInstanceUid, int... tags) throws IOException {
        Command rq = nCommand(CommandField.N_GET_RQ, Command.REQUESTED_SOP_CLASS_UID, sopClassUid,
                Command.REQUESTED_SOP_INSTANCE_UID, sopInstanceUid);
        if (tags.length > 0) {
            rq.setTags(Command.ATTRIBUTE_IDENTIFIER_LIST, tags);
        }
        return invoke(presentationContextId, rq, null, null);
    }

    /** N-SET with the modification list. */
    public CompletableFuture<DimseResponse> nSet(int presentationContextId, String sopClassUid,
                                                 String sopInstanceUid, Dataset modifications) throws IOException {
        return invoke(presentationContextId, nCommand(CommandField.N_SET_RQ, Command.REQUESTED_SOP_CLASS_UID,
                sopClassUid, Command.REQUESTED_SOP_INSTANCE_UID, sopInstanceUid),
                data(presentationContextId, modifications), null);
    }

    /** N-ACTION (e.g. storage commitment request, action type 1). */
    public CompletableFuture<DimseResponse> nAction(int presentationContextId, String sopClassUid,
                                                    String sopInstanceUid, int actionTypeId, Dataset info)
            throws IOException {
        Command rq = nCommand(CommandField.N_ACTION_RQ, Command.REQUESTED_SOP_CLASS_UID, sopClassUid,
                Command.REQUESTED_SOP_INSTANCE_UID, sopInstanceUid);
        rq.setInt(Command.ACTION_TYPE_ID, actionTypeId);
        return invoke(presentationContextId, rq, data(presentationContextId, info), null);
    }

    /** N-CREATE; {@code sopInstanceUid} may be null to let the SCP assign it. */
    public CompletableFuture<DimseResponse> nCreate(int presentationContextId, String sopClassUid,
                                                    String sopInstanceUid, Dataset attributes) throws IOException {
        return invoke(presentationContextId, nCommand(CommandField.N_CREATE_RQ, Command.AFFECTED_SOP_CLASS_UID,
                sopClassUid, Command.AFFECTED_SOP_INSTANCE_UID, sopInstanceUid),
                data(presentationContextId, attributes), null);
    }

    /** N-DELETE. */
    public CompletableFuture<DimseResponse> nDelete(int presentationContextId, String sopClassUid,
                                                    String sopInstanceUid) throws IOException {
        return invoke(presentationContextId, nCommand(CommandField.N_DELETE_RQ, Command.REQUESTED_SOP_CLASS_UID,
                sopClassUid, Command.REQUESTED_SOP_INSTANCE_UID, sopInstanceUid), null, null);
    }

    private static Command nCommand(int field, int classTag, String sopClassUid, int instanceTag,
                                    String sopInstanceUid) {
        Command rq = Command.create(field, 0, false);
        rq.setString(classTag, sopClassUid);
        if (sopInstanceUid != null) {
            rq.setString(instanceTag, sopInstanceUid);
        }
        return rq;
    }

    private Association.DataWriter data(int presentationContextId, Dataset dataset) {
        return dataset == null ? null : DimseData.writer(dataset, association.transferSyntax(presentationContextId));
    }

    /** Sends C-CANCEL for an outstanding C-FIND, C-MOVE or C-GET. */
    public void cancel(int presentationContextId, int messageId) throws IOException {
        Command rq = Command.create(CommandField.C_CANCEL_RQ, 0, false);
        rq.remove(Command.MESSAGE_ID);
        rq.setInt(Command.MESSAGE_ID_BEING_RESPONDED_TO, messageId);
        association.sendMessage(presentationContextId, rq.encode(), null);
    }

    /** The accepted context for a SOP class (and transfer syntax, if not null); fails if there is none. */
    public int requireContext(String sopClass, String transferSyntax) throws DimseException {
        int pc = association.findContext(sopClass, transferSyntax);
        if (pc < 0) {
            throw new DimseException("no accepted presentation context for " + sopClass
                    + (transferSyntax == null ? "" : " with " + transferSyntax));
        }
        return pc;
    }

    /** Releases the association after the outstanding requests were answered. */
    public void release() throws IOException {
        for (Outstanding o : outstanding.values()) {
            try {
                o.result().get(association.isOpen() ? 60 : 0, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Their own callers see the failure; the release goes on.
            }
        }
        association.release();
    }

    private Semaphore window() {
        Semaphore w = invokeWindow;
        if (w == null) {
            int n = association.isRequestor() ? association.accept().maxOpsInvoked()
                    : association.accept().maxOpsPerformed();
            w = new Semaphore(n == 0 ? 0xFFFF : n);
            invokeWindow = w;
        }
        return w;
    }

    // ------------------------------------------------------------------ receiving

    void send(int presentationContextId, Command command, Association.DataWriter data) throws IOException {
        command.setInt(Command.COMMAND_DATA_SET_TYPE, data == null ? Command.NO_DATA_SET : Command.DATA_SET_PRESENT);
        association.sendMessage(presentationContextId, command.encode(), data);
    }

    @Override
    public void onCommand(Association as, int presentationContextId, byte[] bytes) throws IOException {
        Command command = Command.decode(bytes);
        int field = command.commandField();
        if (CommandField.isResponse(field)) {
            onResponse(as, presentationContextId, command);
        } else if (field == CommandField.C_CANCEL_RQ) {
            DimseRequest target = performing.get(command.messageIdBeingRespondedTo());
            if (target != null) {
                target.cancel();
            }
        } else if (field == CommandField.C_STORE_RQ) {
            InputStream data = command.hasDataSet() ? as.openDataInput(presentationContextId) : null;
            perform(new DimseRequest(this, presentationContextId, command, data, null));
        } else {
            byte[] data = command.hasDataSet() ? readSmall(as.openDataInput(presentationContextId)) : null;
            DimseRequest request = new DimseRequest(this, presentationContextId, command, null, data);
            performing.put(command.messageId(), request);
            executor.execute(() -> {
                try {
                    perform(request);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot answer " + command + " from " + as.peer() + ": " + e);
                } finally {
                    performing.remove(command.messageId());
                    synchronized (performing) {
                        performing.notifyAll();
                    }
                }
            });
        }
    }

    private void onResponse(Association as, int presentationContextId, Command command) throws IOException {
        byte[] data = command.hasDataSet() ? readSmall(as.openDataInput(presentationContextId)) : null;
        DimseResponse response = new DimseResponse(command, data, as.transferSyntax(presentationContextId));
        int id = command.messageIdBeingRespondedTo();
        Outstanding o = Status.isPending(command.status()) ? outstanding.get(id) : outstanding.remove(id);
        if (o == null) {
            LOG.log(System.Logger.Level.WARNING, "ignoring " + command + " from " + as.peer()
                    + ": no outstanding request with that message id");
        } else if (Status.isPending(command.status())) {
            if (o.onPending() != null) {
                o.onPending().accept(response);
            }
        } else {
            o.result().complete(response);
        }
    }

    private void perform(DimseRequest request) throws IOException {
        Command command = request.command();
        DimseService service = services.find(command.sopClassUid());
        try {
            if (service == null) {
                request.respondError(isKnownRequest(command.commandField()) ? Status.SOP_CLASS_NOT_SUPPORTED
                        : Status.UNRECOGNIZED_OPERATION, "no service for " + command.sopClassUid());
                return;
            }
            service.onRequest(request);
            if (!request.responded()) {
                request.respondError(Status.PROCESSING_FAILURE, "service ended without response");
            }
        } catch (AssociationAbortedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (!association.isOpen()) {
                throw e instanceof IOException io ? io : new DimseException(e.toString());
            }
            LOG.log(System.Logger.Level.WARNING, "service failed on " + command + " from " + association.peer()
                    + ": " + e);
            if (!request.responded()) {
                request.respondError(Status.PROCESSING_FAILURE, String.valueOf(e.getMessage()));
            }
        }
    }

    private static boolean isKnownRequest(int field) {
        return !CommandField.name(field).startsWith("command");
    }

    private static byte[] readSmall(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            buf.write(chunk, 0, n);
            if (buf.size() > MAX_SMALL_DATA_SET) {
                throw new DimseException("data set larger than " + MAX_SMALL_DATA_SET + " bytes in a non-C-STORE message");
            }
        }
        return buf.toByteArray();
    }

    @Override
    public void onReleaseRequested(Association as) {
        // Requests still being performed may answer before our A-RELEASE-RP (PS3.8 Sta8 allows P-DATA).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (performing) {
            while (!performing.isEmpty() && System.nanoTime() < deadline) {
                try {
                    performing.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void onClose(Association as, IOException cause) {
        IOException reason = cause != null ? cause : new AssociationAbortedException("association released");
        for (Integer id : outstanding.keySet()) {
            Outstanding o = outstanding.remove(id);
            if (o != null) {
                o.result().completeExceptionally(reason);
            }
        }
        for (DimseRequest r : performing.values()) {
            r.cancel();
        }
    }
}
