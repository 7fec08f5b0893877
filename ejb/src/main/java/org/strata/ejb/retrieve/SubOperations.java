package org.strata.ejb.retrieve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dimse.Command;
import org.strata.dicom.dimse.DimseData;
import org.strata.dicom.dimse.DimseRequest;
import org.strata.dicom.dimse.Status;

/**
 * Runs the C-STORE sub-operations of a C-GET or C-MOVE one by one, answering the retrieve request with a pending
 * response (remaining/completed/failed/warning) after each and the final status of PS3.4 C.4.2.1.4 / C.4.3.1.4:
 * 0000 all completed, B000 some failed or warned (Failed SOP Instance UID List in the identifier), A702 all failed,
 * FE00 after C-CANCEL.
 */
final class SubOperations {
    /** Sends one instance; returns the C-STORE response status (a failure status when it could not be sent). */
    interface Sender {
        int send(RetrieveItem item) throws IOException;
    }

    private final DimseRequest request;
    private int remaining;
    private int completed;
    private int failed;
    private int warning;
    private final List<String> failedUids = new ArrayList<>();

    private SubOperations(DimseRequest request, int total) {
        this.request = request;
        this.remaining = total;
    }

    /** Sends every item and answers {@code request} with the final response. */
    static void run(DimseRequest request, List<RetrieveItem> items, Sender sender) throws IOException {
        SubOperations ops = new SubOperations(request, items.size());
        for (RetrieveItem item : items) {
            if (request.isCancelled()) {
                ops.finish(Status.CANCEL);
                return;
            }
            ops.record(item, sender.send(item));
            if (ops.remaining > 0) {
                request.respond(ops.counted(Status.PENDING, false), null);
            }
        }
        ops.finish(ops.finalStatus());
    }

    private void record(RetrieveItem item, int status) {
        remaining--;
        if (Status.isFailure(status)) {
            failed++;
            failedUids.add(item.sopInstanceUid());
        } else if (Status.isWarning(status)) {
            warning++;
        } else {
            completed++;
        }
    }

    private int finalStatus() {
        if (failed == 0 && warning == 0) {
            return Status.SUCCESS;
        }
        return completed == 0 && warning == 0 ? Status.OUT_OF_RESOURCES_SUB_OPERATIONS
                : Status.WARNING_SUB_OPERATIONS_FAILED;
    }

    private void finish(int status) throws IOException {
        if (failedUids.isEmpty()) {
            request.respond(counted(status, false), null);
            return;
        }
        Dataset identifier = new Dataset();
        identifier.setString(Tags.FailedSOPInstanceUIDList, failedUids.toArray(String[]::new));
        request.respond(counted(status, true), DimseData.writer(identifier, request.transferSyntax()));
    }

    private Command counted(int status, boolean hasIdentifier) {
        Command rsp = request.command().response(status, hasIdentifier);
        // The final response of a completed retrieve carries no remaining count (PS3.7 C.4.2.1.6).
        if (Status.isPending(status) || status == Status.CANCEL) {
            rsp.setInt(Command.NUMBER_OF_REMAINING_SUBOPERATIONS, remaining);
        }
        rsp.setInt(Command.NUMBER_OF_COMPLETED_SUBOPERATIONS, completed);
        rsp.setInt(Command.NUMBER_OF_FAILED_SUBOPERATIONS, failed);
        rsp.setInt(Command.NUMBER_OF_WARNING_SUBOPERATIONS, warning);
        return rsp;
    }
}
