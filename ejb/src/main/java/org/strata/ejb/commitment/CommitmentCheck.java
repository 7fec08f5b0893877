package org.strata.ejb.commitment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.ejb.dimse.DimseRefusal;

/**
 * Decides, for each instance a Storage Commitment request references, whether the archive holds it intact
 * (PS3.4 J.3.2), and builds the event information of the N-EVENT-REPORT that answers it.
 */
final class CommitmentCheck {
    /** PS3.4 J.3.2.1.1.2 failure reasons. */
    static final int PROCESSING_FAILURE = 0x0110;
    static final int NO_SUCH_OBJECT_INSTANCE = 0x0112;
    static final int CLASS_INSTANCE_CONFLICT = 0x0119;
    /** N-EVENT-REPORT event types of the Storage Commitment Push Model. */
    static final int ALL_SUCCEEDED = 1;
    static final int SOME_FAILED = 2;

    /** One referenced instance: SOP class and instance UIDs as the requester named them. */
    record Reference(String sopClassUid, String sopInstanceUid) {
    }

    private CommitmentCheck() {
    }

    /** The Transaction UID of an N-ACTION's action information. */
    static String transactionUid(Dataset action) throws DimseRefusal {
        String uid = action.getString(Tags.TransactionUID);
        if (uid == null || uid.isBlank()) {
            throw new DimseRefusal(0x0120, "Transaction UID missing");
        }
        return uid.strip();
    }

    /** The references of an N-ACTION's action information, each with both UIDs. */
    static List<Reference> references(Dataset action) throws DimseRefusal {
        Sequence items = action.getSequence(Tags.ReferencedSOPSequence);
        if (items == null || items.isEmpty()) {
            throw new DimseRefusal(0x0120, "Referenced SOP Sequence missing or empty");
        }
        List<Reference> refs = new ArrayList<>();
        for (Dataset item : items) {
            String cuid = item.getString(Tags.ReferencedSOPClassUID);
            String iuid = item.getString(Tags.ReferencedSOPInstanceUID);
            if (cuid == null || iuid == null) {
                throw new DimseRefusal(0x0121, "a Referenced SOP Sequence item lacks a UID");
            }
            refs.add(new Reference(cuid.strip(), iuid.strip()));
        }
        return refs;
    }

    /**
     * 0 when the stored copy is the instance and its object is intact, else the failure reason. An unreadable object
     * counts as a processing failure, not as an exception: the report must still go out.
     */
    static int failureReason(Reference ref, StoredCopy stored) {
        if (stored == null) {
            return NO_SUCH_OBJECT_INSTANCE;
        }
        if (!stored.sopClassUid().equals(ref.sopClassUid())) {
            return CLASS_INSTANCE_CONFLICT;
        }
        return stored.problem() == null ? 0 : PROCESSING_FAILURE;
    }

    /** The event information: Transaction UID, the committed references and the failed ones with their reasons. */
    static Dataset eventInformation(String transactionUid, List<Reference> refs, Map<String, StoredCopy> stored) {
        Dataset info = new Dataset();
        info.setString(Tags.TransactionUID, VR.UI, transactionUid);
        Sequence ok = null;
        Sequence failed = null;
        for (Reference ref : refs) {
            int reason = failureReason(ref, stored.get(ref.sopInstanceUid()));
            Dataset item;
            if (reason == 0) {
                ok = ok != null ? ok : info.newSequence(Tags.ReferencedSOPSequence);
                item = ok.addItem();
            } else {
                failed = failed != null ? failed : info.newSequence(Tags.FailedSOPSequence);
                item = failed.addItem();
            }
            item.setString(Tags.ReferencedSOPClassUID, VR.UI, ref.sopClassUid());
            item.setString(Tags.ReferencedSOPInstanceUID, VR.UI, ref.sopInstanceUid());
            if (reason != 0) {
                item.setInt(Tags.FailureReason, VR.US, reason);
            }
        }
        return info;
    }

    /** Event type 1 when every reference was committed, else 2. */
    static int eventType(Dataset info) {
        Sequence failed = info.getSequence(Tags.FailedSOPSequence);
        return failed == null || failed.isEmpty() ? ALL_SUCCEEDED : SOME_FAILED;
    }
}
