package org.strata.ejb.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.dict.Tags;
import org.strata.ejb.dimse.DimseRefusal;

class CommitmentCheckTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String MR = "1.2.840.10008.5.1.4.1.1.4";

    @Test
    void intactCopiesAreCommittedAndEveryFaultHasItsReason() {
        Map<String, StoredCopy> stored = Map.of(
                "1.1", new StoredCopy(CT, null),
                "1.2", new StoredCopy(CT, "SHA-256 differs from the index"),
                "1.3", new StoredCopy(CT, "size 3 instead of 4"),
                "1.4", new StoredCopy(CT, "missing"),
                "1.5", new StoredCopy(MR, null));
        List<CommitmentCheck.Reference> refs = List.of(ref("1.1"), ref("1.2"), ref("1.3"), ref("1.4"), ref("1.5"),
                ref("1.6"));

        Dataset info = CommitmentCheck.eventInformation("9.9", refs, stored);

        assertEquals("9.9", info.getString(Tags.TransactionUID));
        Sequence ok = info.getSequence(Tags.ReferencedSOPSequence);
        assertEquals(1, ok.size());
        assertEquals("1.1", ok.get(0).getString(Tags.ReferencedSOPInstanceUID));
        assertEquals(CT, ok.get(0).getString(Tags.ReferencedSOPClassUID));
        assertNull(ok.get(0).getString(Tags.FailureReason));
        Sequence failed = info.getSequence(Tags.FailedSOPSequence);
        assertEquals(List.of("1.2:272", "1.3:272", "1.4:272", "1.5:281", "1.6:274"), failed.stream()
                .map(f -> f.getString(Tags.ReferencedSOPInstanceUID) + ":" + f.getInt(Tags.FailureReason, -1))
                .toList());
        assertEquals(CommitmentCheck.SOME_FAILED, CommitmentCheck.eventType(info));
    }

    @Test
    void allCommittedIsEventTypeOneWithoutAFailedSequence() {
        Dataset info = CommitmentCheck.eventInformation("9.9", List.of(ref("1.1")),
                Map.of("1.1", new StoredCopy(CT, null)));
        assertNull(info.getSequence(Tags.FailedSOPSequence));
        assertEquals(CommitmentCheck.ALL_SUCCEEDED, CommitmentCheck.eventType(info));
    }

    @Test
    void aRequestWithoutTransactionUidOrReferencesIsRefused() throws Exception {
        Dataset action = new Dataset();
        assertEquals(0x0120, assertThrows(DimseRefusal.class,
                () -> CommitmentCheck.transactionUid(action)).status());
        assertEquals(0x0120, assertThrows(DimseRefusal.class,
                () -> CommitmentCheck.references(action)).status());
        action.newSequence(Tags.ReferencedSOPSequence).addItem().setString(Tags.ReferencedSOPInstanceUID, "1.1");
        assertEquals(0x0121, assertThrows(DimseRefusal.class,
                () -> CommitmentCheck.references(action)).status());
    }

    private static CommitmentCheck.Reference ref(String iuid) {
        return new CommitmentCheck.Reference(CT, iuid);
    }
}
