package org.strata.ejb.dimse;

import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.util.List;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.CommandField;
import org.strata.dicom.dimse.DimseRequest;
import org.strata.dicom.dimse.Status;
import org.strata.dicom.io.DicomParseException;
import org.strata.ejb.commitment.CommitmentService;
import org.strata.ejb.mpps.MppsService;
import org.strata.ejb.query.QueryRefusedException;
import org.strata.ejb.query.QueryService;
import org.strata.ejb.retrieve.RetrieveService;
import org.strata.ejb.store.StoreRequest;
import org.strata.ejb.store.StoreResult;
import org.strata.ejb.store.StoreService;
import org.strata.ejb.worklist.WorklistService;
import org.strata.jca.dicom.api.DicomRequestListener;

/**
 * Receives every DIMSE request from the DICOM resource adapter (bound to it in META-INF/jboss-ejb3.xml) and hands
 * it to the archive service it belongs to, translating that service's result into the DIMSE response.
 */
@MessageDriven(messageListenerInterface = DicomRequestListener.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each service decides its own transactions
public class DicomRequestDispatcher implements DicomRequestListener {

    @EJB
    private StoreService store;

    @EJB
    private QueryService query;

    @EJB
    private RetrieveService retrieve;

    @EJB
    private CommitmentService commitment;

    @EJB
    private MppsService mpps;

    @EJB
    private WorklistService worklist;

    @Override
    public void onRequest(DimseRequest request) throws IOException {
        int field = request.command().commandField();
        if (field == CommandField.C_STORE_RQ) {
            cStore(request);
        } else if (field == CommandField.C_FIND_RQ
                && QueryService.SOP_CLASSES.contains(request.command().sopClassUid())) {
            cFind(request);
        } else if (field == CommandField.C_FIND_RQ
                && UIDs.ModalityWorklistInformationModelFind.equals(request.command().sopClassUid())) {
            worklist.find(request);
        } else if (field == CommandField.C_GET_RQ) {
            retrieve.get(request);
        } else if (field == CommandField.C_MOVE_RQ) {
            retrieve.move(request);
        } else if (field == CommandField.N_ACTION_RQ
                && UIDs.StorageCommitmentPushModel.equals(request.command().sopClassUid())) {
            commitment.nAction(request);
        } else if (field == CommandField.N_CREATE_RQ && isMpps(request)) {
            mpps.nCreate(request);
        } else if (field == CommandField.N_SET_RQ && isMpps(request)) {
            mpps.nSet(request);
        } else {
            request.respondError(Status.UNRECOGNIZED_OPERATION, "operation not supported by this archive");
        }
    }

    /** One pending response per match, page by page, then success; a C-CANCEL stops before the next match. */
    private void cFind(DimseRequest request) throws IOException {
        if (request.data() == null) {
            request.respondError(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "C-FIND without identifier");
            return;
        }
        try {
            Dataset identifier = request.dataset();
            String aeTitle = request.association().request().calledAeTitle();
            for (int first = 0; ; first += query.pageSize()) {
                List<Dataset> page = query.find(request.command().sopClassUid(), identifier, aeTitle, first);
                for (Dataset match : page) {
                    if (request.isCancelled()) {
                        request.respond(Status.CANCEL);
                        return;
                    }
                    request.respond(Status.PENDING, match);
                }
                if (page.size() < query.pageSize()) {
                    break;
                }
            }
        } catch (DicomParseException e) {
            request.respondError(Status.UNABLE_TO_PROCESS, "cannot parse identifier: " + e.getMessage());
            return;
        } catch (QueryRefusedException e) {
            request.respondError(e.status(), e.getMessage());
            return;
        }
        request.respond(request.isCancelled() ? Status.CANCEL : Status.SUCCESS);
    }

    private static boolean isMpps(DimseRequest request) {
        return UIDs.ModalityPerformedProcedureStep.equals(request.command().sopClassUid());
    }

    private void cStore(DimseRequest request) throws IOException {
        StoreRequest storeRequest = new StoreRequest(request.command().sopClassUid(),
                request.command().sopInstanceUid(), request.transferSyntax(),
                request.association().request().callingAeTitle());
        StoreResult result = store.store(storeRequest, request.dataStream());
        if (result.isSuccess()) {
            request.respond(Status.SUCCESS);
        } else {
            request.respondError(result.status(), result.comment());
        }
    }
}
