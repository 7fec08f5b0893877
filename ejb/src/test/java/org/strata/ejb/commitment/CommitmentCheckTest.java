package org.strata.ejb.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.dict.Tags;
import org.strata.ejb.dimse.DimseRefusal;
import org.strata.ejb.store.HotTier;

class CommitmentCheckTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String MR = "1.2.840.10008.5.1.4.1.1.4";

    @Test
    void intactCopiesAreCommittedAndEveryFaultHasItsReason(@TempDir Path dir) throws Exception {
        Path intact = Files.write(dir.resolve("a.dcm"), new byte[] {1, 2, 3, 4});
        Path corrupt = Files.write(dir.resolve("b.dcm"), new byte[] {1, 2, 3, 4});
        Path shorter = Files.write(dir.resolve("c.dcm"), new byte[] {1, 2, 3, 4});
        String sha = HotTier.sha256Of(intact);
        Files.write(corrupt, new byte[] {1, 2, 3, 5});
        Files.write(shorter, new byte[] {1, 2, 3});
        Map<String, StoredCopy> stored = Map.of(
                "1.1", new StoredCopy(CT, intact, 4, sha),
                "1.2", new StoredCopy(CT, corrupt, 4, sha),
                "1.3", new StoredCopy(CT, shorter, 4, sha),
                "1.4", new StoredCopy(CT, dir.resolve("gone.dcm"), 4, sha),
                "1.5", new StoredCopy(MR, intact, 4, sha));
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
    void allCommittedIsEventTypeOneWithoutAFailedSequence(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("a.dcm"), new byte[] {7});
        Dataset info = CommitmentCheck.eventInformation("9.9", List.of(ref("1.1")),
                Map.of("1.1", new StoredCopy(CT, file, 1, HotTier.sha256Of(file).toUpperCase())));
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
