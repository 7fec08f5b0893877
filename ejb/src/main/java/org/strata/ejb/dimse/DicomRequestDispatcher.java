package org.strata.ejb.dimse;

import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.CommandField;
import org.strata.dicom.dimse.DimseRequest;
import org.strata.dicom.dimse.Status;
import org.strata.ejb.commitment.CommitmentService;
import org.strata.ejb.mpps.MppsService;
import org.strata.ejb.retrieve.RetrieveService;
import org.strata.ejb.store.StoreRequest;
import org.strata.ejb.store.StoreResult;
import org.strata.ejb.store.StoreService;
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
    private RetrieveService retrieve;

    @EJB
    private CommitmentService commitment;

    @EJB
    private MppsService mpps;

    @Override
    public void onRequest(DimseRequest request) throws IOException {
        int field = request.command().commandField();
        if (field == CommandField.C_STORE_RQ) {
            cStore(request);
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
