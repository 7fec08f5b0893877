package org.strata.ejb.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.PresentationContext;

class MoveDestinationTest {
    private static RetrieveItem item(String sopClass, String transferSyntax) {
        return new RetrieveItem(sopClass, "1.2.3", transferSyntax, Path.of("unused"));
    }

    private static List<String> describe(AssociateRequest rq) {
        return rq.presentationContexts().stream()
                .map(pc -> pc.abstractSyntax() + " " + String.join(",", pc.transferSyntaxes())).toList();
    }

    @Test
    void proposesEachStoredSyntaxOnceAndTheUncompressedFallbackForUncompressedOnly() {
        AssociateRequest rq = MoveDestination.associateRequest("STRATA", "DEST", List.of(
                item(UIDs.CTImageStorage, UIDs.ImplicitVRLittleEndian),
                item(UIDs.CTImageStorage, UIDs.ImplicitVRLittleEndian),
                item(UIDs.MRImageStorage, UIDs.JPEGBaseline8Bit)));

        assertEquals("STRATA", rq.callingAeTitle());
        assertEquals("DEST", rq.calledAeTitle());
        assertEquals(List.of(
                UIDs.CTImageStorage + " " + UIDs.ImplicitVRLittleEndian,
                UIDs.CTImageStorage + " " + UIDs.ExplicitVRLittleEndian + "," + UIDs.ImplicitVRLittleEndian,
                UIDs.MRImageStorage + " " + UIDs.JPEGBaseline8Bit), describe(rq));
    }

    @Test
    void cutsTheItemsIntoRunsOfAtMost128Contexts() {
        List<RetrieveItem> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // Two contexts each: the stored syntax and the uncompressed fallback.
            items.add(item("1.2.840.10008.5.1.4.1.1.9999." + i, UIDs.ImplicitVRLittleEndian));
        }
        List<List<RetrieveItem>> runs = MoveDestination.runs(items);

        assertEquals(List.of(64, 36), runs.stream().map(List::size).toList());
        assertEquals(items, runs.stream().flatMap(List::stream).toList());
        for (List<RetrieveItem> run : runs) {
            List<PresentationContext> proposed = MoveDestination.associateRequest("A", "B", run).presentationContexts();
            assertEquals(2 * run.size(), proposed.size());
        }
        assertTrue(MoveDestination.runs(List.of()).isEmpty());
    }
}
