package org.strata.web.dicomweb.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.web.dicomweb.DicomWebException;

class TagPathTest {
    @Test
    void topLevelAndNestedPathsParse() {
        assertEquals(new TagPath(List.of(), List.of(), 0x7FE00010), TagPath.parse("7FE00010"));
        assertEquals(new TagPath(List.of(0x00540016), List.of(0), 0x00181072), TagPath.parse("00540016.0.00181072"));
        assertEquals(new TagPath(List.of(0x00540016, 0x00540300), List.of(2, 10), 0x7fe00010),
                TagPath.parse("00540016.2.00540300.10.7fe00010"));
    }

    @Test
    void brokenPathsAreBadRequests() {
        for (String bad : new String[] {"", "7FE0001", "7FE00010.", "00540016.0", "00540016.x.00181072",
                "00540016.-1.00181072", "GGGG0010", "7FE00010/0"}) {
            DicomWebException e = assertThrows(DicomWebException.class, () -> TagPath.parse(bad), bad);
            assertEquals(400, e.status().getStatusCode());
        }
    }

    @Test
    void containerFollowsItemsAndStopsAtMissingOnes() {
        Dataset top = new Dataset();
        Dataset item = top.newSequence(0x00540016).addItem();
        item.setString(Tags.PatientID, "x");
        assertSame(item, TagPath.parse("00540016.0.00100020").container(top));
        assertSame(top, TagPath.parse("00100020").container(top));
        assertNull(TagPath.parse("00540016.1.00100020").container(top));
        assertNull(TagPath.parse("00081115.0.00100020").container(top));
    }
}
