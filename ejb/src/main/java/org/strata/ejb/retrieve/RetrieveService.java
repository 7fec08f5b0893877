package org.strata.ejb.retrieve;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dimse.Command;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseRequest;
import org.strata.dicom.dimse.Part10Source;
import org.strata.dicom.pixel.Transcoder;
import org.strata.dicom.dimse.Status;
import org.strata.dicom.net.Association;
import org.strata.jca.dicom.api.DicomConnectionFactory;
import org.strata.jca.dicom.api.DicomPeer;

/**
 * C-GET and C-MOVE SCP: selects the indexed instances the identifier names and sends each as a C-STORE
 * sub-operation, on the requester's own association (C-GET, which needs the SCP role negotiated for the storage
 * class) or on a new association to the registered move destination (C-MOVE).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetrieveService {
    private static final Logger LOG = Logger.getLogger(RetrieveService.class.getName());
    /** PS3.4 C.4.2.1.5 / C.4.3.1.4: "Refused: Out of Resources - Unable to calculate number of matches". */
    private static final int OUT_OF_RESOURCES_MATCHES = 0xA701;

    @EJB
    InstanceLocator locator;

    @EJB
    RemoteAeRegistry registry;

    @Resource(lookup = DicomConnectionFactory.JNDI_NAME)
    DicomConnectionFactory outbound;

    /** Performs a C-GET request and sends its final response. */
    public void get(DimseRequest request) throws IOException {
        List<RetrieveItem> items = select(request);
        if (items == null) {
            return;
        }
        sendOnRequestAssociation(request, items);
    }

    /** Performs a C-MOVE request and sends its final response. */
    public void move(DimseRequest request) throws IOException {
        String destination = request.command().getString(Command.MOVE_DESTINATION);
        Optional<RemoteAeRegistry.Entry> target = destination == null ? Optional.empty()
                : registry.find(destination.strip());
        if (target.isEmpty()) {
            request.respondError(Status.MOVE_DESTINATION_UNKNOWN, "move destination unknown: " + destination);
            return;
        }
        List<RetrieveItem> items = select(request);
        if (items == null) {
            return;
        }
        RemoteAeRegistry.Entry to = target.get();
        try (MoveDestination out = new MoveDestination(request.association().request().calledAeTitle(),
                to.aeTitle(), items, rq -> outbound.open(new DicomPeer(to.host(), to.port(), to.tls()), rq))) {
            sendToDestination(request, items, out);
        }
    }

    /** C-GET sub-operations: each item as a C-STORE on the requester's own association. */
    static void sendOnRequestAssociation(DimseRequest request, List<RetrieveItem> items) throws IOException {
        Association as = request.association();
        SubOperations.run(request, items, item -> {
            int pc = storageContext(as, item, true);
            Optional<Part10Source> source = pc < 0 ? Optional.empty() : source(item);
            if (source.isEmpty()) {
                return Status.UNABLE_TO_PROCESS;
            }
            return DimseChannel.await(request.channel().store(pc, item.sopClassUid(), item.sopInstanceUid(),
                    Command.PRIORITY_MEDIUM, source.get().writer(as.transferSyntax(pc)), null, -1)).status();
        });
    }

    /** C-MOVE sub-operations: each item as a C-STORE to the destination, naming the move originator. */
    static void sendToDestination(DimseRequest request, List<RetrieveItem> items, MoveDestination destination)
            throws IOException {
        String originator = request.association().request().callingAeTitle();
        int originatorMessageId = request.command().messageId();
        SubOperations.run(request, items, item -> {
            DimseChannel out = destination.channelFor(item);
            int pc = out == null ? -1 : storageContext(out.association(), item, false);
            Optional<Part10Source> source = pc < 0 ? Optional.empty() : source(item);
            if (source.isEmpty()) {
                return Status.UNABLE_TO_PROCESS;
            }
            try {
                return DimseChannel.await(out.store(pc, item.sopClassUid(), item.sopInstanceUid(),
                        Command.PRIORITY_MEDIUM, source.get().writer(out.association().transferSyntax(pc)),
                        originator, originatorMessageId)).status();
            } catch (IOException e) {
                // The destination failed; the C-MOVE association itself is fine, so count and go on.
                LOG.log(Level.WARNING, "C-STORE of " + item.sopInstanceUid() + " to the move destination failed", e);
                return Status.UNABLE_TO_PROCESS;
            }
        });
    }

    /** The instances the identifier selects, or null after answering a refusal. */
    private List<RetrieveItem> select(DimseRequest request) throws IOException {
        Dataset identifier;
        try {
            identifier = request.dataset();
        } catch (IOException e) {
            request.respondError(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "unreadable identifier: " + e.getMessage());
            return null;
        }
        try {
            return locator.locate(RetrieveScope.of(identifier, request.command().sopClassUid()));
        } catch (RetrieveScope.InvalidIdentifierException e) {
            request.respondError(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, e.getMessage());
            return null;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "retrieve: index lookup failed", e);
            request.respondError(OUT_OF_RESOURCES_MATCHES, "index lookup failed");
            return null;
        }
    }

    /**
     * The accepted context to send {@code item} on: one with its stored transfer syntax, else one it can be
     * converted to (uncompressed; RLE or lossless JPEG to uncompressed); -1 if none. On a C-GET association the requester must also
     * have taken the SCP role for the storage class.
     */
    static int storageContext(Association as, RetrieveItem item, boolean requireScpRole) {
        if (requireScpRole && as.accept().roleSelections().stream()
                .noneMatch(r -> r.sopClass().equals(item.sopClassUid()) && r.scp())) {
            return -1;
        }
        int pc = as.findContext(item.sopClassUid(), item.transferSyntaxUid());
        if (pc >= 0) {
            return pc;
        }
        for (String ts : List.of(MoveDestination.EXPLICIT_LE, MoveDestination.IMPLICIT_LE)) {
            pc = as.findContext(item.sopClassUid(), ts);
            if (pc >= 0 && Transcoder.canTranscode(item.transferSyntaxUid(), ts)) {
                return pc;
            }
        }
        return -1;
    }

    private static Optional<Part10Source> source(RetrieveItem item) {
        if (item.file() == null) {
            return Optional.empty(); // InstanceLocator logged why
        }
        try {
            return Optional.of(Part10Source.open(item.file()));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "stored file of " + item.sopInstanceUid() + " unreadable", e);
            return Optional.empty();
        }
    }
}
