package org.strata.ejb.commitment;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
 * requester as registered in the remote AE registry, retried while the requester cannot be reached. Retries live in
 * memory: a restart drops them, and the requester's own timeout (it asks again) covers that.
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

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "strata.commitment.report-retry-seconds", defaultValue = "10,60,300,900,3600")
    String retrySeconds;

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
        reportOnNewAssociation(new Report(transactionUid, as.request().calledAeTitle(),
                as.request().callingAeTitle(), eventType, info), 0);
    }

    /** A report that goes on an association of its own: from our AE title to the requester's. */
    private record Report(String transactionUid, String ourAeTitle, String requester, int eventType, Dataset info) {
    }

    /**
     * Sends the report to the requester's registered address; when that fails (not registered, unreachable, refused),
     * tries again after the next of {@code strata.commitment.report-retry-seconds}, looking the address up afresh
     * each time, so an administrator can still register or correct it.
     */
    private void reportOnNewAssociation(Report report, int attempt) {
        String problem = sendOnNewAssociation(report);
        if (problem == null) {
            return;
        }
        List<Long> delays = retryDelays();
        if (attempt >= delays.size()) {
            LOG.warning("storage commitment " + report.transactionUid() + ": report to " + report.requester()
                    + " failed: " + problem + "; no attempt left, the result is lost until the requester asks again");
            return;
        }
        long delay = delays.get(attempt);
        LOG.warning("storage commitment " + report.transactionUid() + ": report to " + report.requester()
                + " failed: " + problem + "; next attempt in " + delay + " s");
        scheduler.schedule(() -> reportOnNewAssociation(report, attempt + 1), delay, TimeUnit.SECONDS);
    }

    /** @return null when the requester took the report, else what went wrong */
    private String sendOnNewAssociation(Report report) {
        Optional<RemoteAeRegistry.Entry> target = registry.find(report.requester());
        if (target.isEmpty()) {
            return "not in the remote AE registry";
        }
        RemoteAeRegistry.Entry to = target.get();
        AssociateRequest rq = new AssociateRequest();
        rq.setCallingAeTitle(report.ourAeTitle());
        rq.setCalledAeTitle(to.aeTitle());
        rq.addPresentationContext(UIDs.StorageCommitmentPushModel, UIDs.ExplicitVRLittleEndian,
                UIDs.ImplicitVRLittleEndian);
        // We open the association but perform the SCP side of the class: PS3.4 J.3.3 asks for this role selection.
        rq.roleSelections().add(new RoleSelection(UIDs.StorageCommitmentPushModel, false, true));
        try (DicomAssociation out = outbound.open(new DicomPeer(to.host(), to.port(), to.tls()), rq)) {
            DimseChannel ch = out.channel();
            int status = send(ch, ch.requireContext(UIDs.StorageCommitmentPushModel, null), report.eventType(),
                    report.info());
            LOG.info(() -> "storage commitment " + report.transactionUid() + ": reported (event type "
                    + report.eventType() + ") to " + to.aeTitle() + " on a new association, answer "
                    + Status.toString(status));
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "storage commitment report to " + to.aeTitle(), e);
            return "at " + to.host() + ":" + to.port() + ": " + e.getMessage();
        }
    }

    private List<Long> retryDelays() {
        try {
            return Arrays.stream(retrySeconds.split(",")).map(String::strip).filter(v -> !v.isEmpty())
                    .map(Long::parseLong).toList();
        } catch (NumberFormatException e) {
            LOG.warning("strata.commitment.report-retry-seconds is '" + retrySeconds
                    + "': expected seconds separated by commas; no retries");
            return List.of();
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
