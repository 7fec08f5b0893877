package org.strata.ejb.commitment;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.Command;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseRequest;
import org.strata.dicom.dimse.DimseResponse;
import org.strata.dicom.dimse.Status;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.Association;
import org.strata.dicom.net.RoleSelection;
import org.strata.ejb.dimse.DimseRefusal;
import org.strata.jca.dicom.api.DicomAssociation;
import org.strata.jca.dicom.api.DicomConnectionFactory;
import org.strata.jca.dicom.api.DicomPeer;
import org.strata.ejb.retrieve.RemoteAeRegistry;

/**
 * Storage Commitment Push Model SCP (PS3.4 Annex J): answers the N-ACTION at once, checks every referenced instance
 * (indexed, file present, size and SHA-256 as indexed) and reports the result with an N-EVENT-REPORT, on the
 * request's association while it is open and the negotiated roles allow it, else on a new association to the
 * requester as registered in the remote AE registry.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommitmentService {
    private static final Logger LOG = Logger.getLogger(CommitmentService.class.getName());
    private static final int REQUEST_COMMITMENT = 1;

    @EJB
    StoredCopies copies;

    @EJB
    RemoteAeRegistry registry;

    @Resource
    ManagedExecutorService executor;

    @Resource(lookup = DicomConnectionFactory.JNDI_NAME)
    DicomConnectionFactory outbound;

    /** Performs an N-ACTION of the Storage Commitment Push Model SOP class. */
    public void nAction(DimseRequest request) throws IOException {
        Command command = request.command();
        if (command.getInt(Command.ACTION_TYPE_ID, -1) != REQUEST_COMMITMENT) {
            request.respondError(Status.NO_SUCH_ACTION_TYPE, "only action type 1 (request commitment) exists");
            return;
        }
        if (!UIDs.StorageCommitmentPushModelInstance.equals(command.sopInstanceUid())) {
            request.respondError(Status.NO_SUCH_SOP_INSTANCE, "not the well-known Storage Commitment instance");
            return;
        }
        String transactionUid;
        List<CommitmentCheck.Reference> refs;
        try {
            Dataset action = request.dataset();
            if (action == null) {
                request.respondError(Status.MISSING_ATTRIBUTE, "N-ACTION without action information");
                return;
            }
            transactionUid = CommitmentCheck.transactionUid(action);
            refs = CommitmentCheck.references(action);
        } catch (DimseRefusal e) {
            request.respondError(e.status(), e.getMessage());
            return;
        } catch (IOException e) {
            request.respondError(Status.INVALID_ARGUMENT_VALUE, "unreadable action information: " + e.getMessage());
            return;
        }
        request.respond(Status.SUCCESS);
        // Checked after the request ends, so a requester that releases at once is not kept waiting (PS3.4 J.3.3).
        executor.execute(() -> checkAndReport(request, transactionUid, refs));
    }

    private void checkAndReport(DimseRequest request, String transactionUid, List<CommitmentCheck.Reference> refs) {
        try {
            Dataset info = CommitmentCheck.eventInformation(transactionUid, refs,
                    copies.find(refs.stream().map(CommitmentCheck.Reference::sopInstanceUid).distinct().toList()));
            report(request, transactionUid, info);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "storage commitment " + transactionUid + ": check failed, no report sent", e);
        }
    }

    /** Sends the N-EVENT-REPORT on the request's association if possible, else on a new one. */
    private void report(DimseRequest request, String transactionUid, Dataset info) {
        int eventType = CommitmentCheck.eventType(info);
        Association as = request.association();
        if (as.isOpen() && mayReportOn(as)) {
            try {
                int status = send(request.channel(), request.presentationContextId(), eventType, info);
                LOG.info(() -> "storage commitment " + transactionUid + ": reported (event type " + eventType
                        + ") on the request's association, answer " + Status.toString(status));
                return;
            } catch (IOException e) {
                // The requester released in the meantime: the report goes on a new association as PS3.4 J.3.3 allows.
                LOG.log(Level.FINE, "report on the request's association failed, opening a new one", e);
            }
        }
        String requester = as.request().callingAeTitle();
        Optional<RemoteAeRegistry.Entry> target = registry.find(requester);
        if (target.isEmpty()) {
            LOG.warning("storage commitment " + transactionUid + ": cannot report to " + requester
                    + ": not in the remote AE registry; the result is lost until the requester asks again");
            return;
        }
        RemoteAeRegistry.Entry to = target.get();
        AssociateRequest rq = new AssociateRequest();
        rq.setCallingAeTitle(as.request().calledAeTitle());
        rq.setCalledAeTitle(to.aeTitle());
        rq.addPresentationContext(UIDs.StorageCommitmentPushModel, UIDs.ExplicitVRLittleEndian,
                UIDs.ImplicitVRLittleEndian);
        // We open the association but perform the SCP side of the class: PS3.4 J.3.3 asks for this role selection.
        rq.roleSelections().add(new RoleSelection(UIDs.StorageCommitmentPushModel, false, true));
        try (DicomAssociation out = outbound.open(new DicomPeer(to.host(), to.port(), to.tls()), rq)) {
            DimseChannel ch = out.channel();
            int status = send(ch, ch.requireContext(UIDs.StorageCommitmentPushModel, null), eventType, info);
            LOG.info(() -> "storage commitment " + transactionUid + ": reported (event type " + eventType
                    + ") to " + to.aeTitle() + " on a new association, answer " + Status.toString(status));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "storage commitment " + transactionUid + ": report to " + to.aeTitle() + " at "
                    + to.host() + ":" + to.port() + " failed", e);
        }
    }

    /**
     * The N-EVENT-REPORT is invoked by the SCP of the class, so we may send it on the request's association unless
     * the negotiated role selection took the SCU role away from the requester (leaving us SCU only).
     */
    static boolean mayReportOn(Association as) {
        return as.accept().roleSelections().stream()
                .noneMatch(r -> r.sopClass().equals(UIDs.StorageCommitmentPushModel) && !r.scu());
    }

    private static int send(DimseChannel ch, int pc, int eventType, Dataset info) throws IOException {
        DimseResponse rsp = DimseChannel.await(ch.eventReport(pc, UIDs.StorageCommitmentPushModel,
                UIDs.StorageCommitmentPushModelInstance, eventType, info));
        return rsp.status();
    }
}
