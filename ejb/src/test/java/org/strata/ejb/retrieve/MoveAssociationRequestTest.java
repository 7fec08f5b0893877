package org.strata.ejb.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.PresentationContext;

class MoveAssociationRequestTest {
    private static RetrieveItem item(String sopClass, String transferSyntax) {
        return new RetrieveItem(sopClass, "1.2.3", transferSyntax, Path.of("unused"));
    }

    private static List<String> describe(AssociateRequest rq) {
        return rq.presentationContexts().stream()
                .map(pc -> pc.abstractSyntax() + " " + String.join(",", pc.transferSyntaxes())).toList();
    }

    @Test
    void proposesEachStoredSyntaxOnceAndTheUncompressedFallbackForUncompressedOnly() {
        AssociateRequest rq = RetrieveService.associateRequest("STRATA", "DEST", List.of(
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
    void neverProposesMoreThan128Contexts() {
        List<RetrieveItem> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            items.add(item("1.2.840.10008.5.1.4.1.1.9999." + i, UIDs.ExplicitVRLittleEndian));
        }
        List<PresentationContext> proposed = RetrieveService.associateRequest("A", "B", items).presentationContexts();
        assertEquals(128, proposed.size());
    }
}
