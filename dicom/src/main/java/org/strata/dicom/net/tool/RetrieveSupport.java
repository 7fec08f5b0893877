package org.strata.dicom.net.tool;

import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dimse.Command;
import org.strata.dicom.dimse.DimseResponse;
import org.strata.dicom.dimse.Status;
import org.strata.dicom.tool.UsageException;

/** What movescu and getscu share. */
final class RetrieveSupport {
    private RetrieveSupport() {
    }

    static Dataset keys(NetToolOptions o) throws UsageException {
        Dataset keys = o.keyDataset();
        if (!keys.contains(Tags.QueryRetrieveLevel)) {
            keys.setString(Tags.QueryRetrieveLevel, "STUDY");
        }
        return keys;
    }

    /** "Pending (0xFF00): 3 remaining, 5 completed, 0 failed, 0 warning". */
    static String progress(DimseResponse r) {
        Command c = r.command();
        return Status.toString(r.status()) + ": " + c.getInt(Command.NUMBER_OF_REMAINING_SUBOPERATIONS, 0)
                + " remaining, " + c.getInt(Command.NUMBER_OF_COMPLETED_SUBOPERATIONS, 0) + " completed, "
                + c.getInt(Command.NUMBER_OF_FAILED_SUBOPERATIONS, 0) + " failed, "
                + c.getInt(Command.NUMBER_OF_WARNING_SUBOPERATIONS, 0) + " warning"
                + (r.errorComment() == null ? "" : " (" + r.errorComment() + ")");
    }
}
