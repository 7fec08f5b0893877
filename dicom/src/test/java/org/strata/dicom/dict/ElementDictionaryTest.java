package org.strata.dicom.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strata.dicom.data.VR;

class ElementDictionaryTest {

    @Test
    void standardTagsResolveBothWays() {
        ElementDictionary.Entry e = ElementDictionary.lookup(Tags.PatientName);
        assertEquals("PatientName", e.keyword());
        assertEquals("Patient's Name", e.name());
        assertEquals(VR.PN, e.vr());
        assertEquals("1", e.vm());
        assertFalse(e.retired());
        assertEquals(0x00100010, ElementDictionary.tagOf("PatientName"));
        assertEquals(-1, ElementDictionary.tagOf("NoSuchKeyword"));
        assertEquals(0x7FE00010, Tags.PixelData);
    }

    @Test
    void multipleVrsAndRetiredFlag() {
        assertEquals(List.of(VR.US, VR.SS), ElementDictionary.lookup(Tags.SmallestImagePixelValue).vrs());
        assertEquals(List.of(VR.OB, VR.OW), ElementDictionary.lookup(Tags.PixelData).vrs());
        assertTrue(ElementDictionary.lookup(Tags.CommandLengthToEnd).retired());
        assertEquals(List.of(), ElementDictionary.lookup(0xFFFEE000).vrs());
    }

    @Test
    void repeatingGroupsMatchAnyGroupOfTheRange() {
        assertEquals("OverlayData", ElementDictionary.keywordOf(0x60003000));
        assertEquals("OverlayData", ElementDictionary.keywordOf(0x601E3000));
        assertEquals(List.of(VR.OB, VR.OW), ElementDictionary.lookup(0x60023000).vrs());
        assertEquals("CurveData", ElementDictionary.keywordOf(0x50043000));
        assertEquals("", ElementDictionary.keywordOf(0x00091234));
    }

    @Test
    void implicitVrRulesForGroupLengthsAndPrivateCreators() {
        assertEquals(VR.UL, ElementDictionary.vrOf(0x00080000));
        assertEquals(VR.LO, ElementDictionary.vrOf(0x00290010));
        assertEquals(VR.UN, ElementDictionary.vrOf(0x00291010));
        assertTrue(ElementDictionary.isPrivateCreator(0x001900FF));
        assertFalse(ElementDictionary.isPrivate(0x00080010));
    }

    @Test
    void privateElementsResolveByCreatorWhateverTheBlock() {
        ElementDictionary.Entry e = ElementDictionary.lookupPrivate("GEMS_ACQU_01", 0x00191002);
        assertNotNull(e);
        ElementDictionary.Entry sameInOtherBlock = ElementDictionary.lookupPrivate("GEMS_ACQU_01", 0x00191102);
        assertEquals(e, sameInOtherBlock);
        assertNull(ElementDictionary.lookupPrivate("NO SUCH CREATOR", 0x00191002));
        assertNull(ElementDictionary.lookupPrivate(null, 0x00191002));
    }

    @Test
    void uidDictionaryKnowsTypesAndNames() {
        assertEquals("Transfer Syntax", UidDictionary.typeOf(UIDs.JPEGBaseline8Bit));
        assertEquals("SOP Class", UidDictionary.typeOf(UIDs.CTImageStorage));
        assertEquals("Verification SOP Class", UidDictionary.nameOf(UIDs.Verification));
        assertEquals("1.2.3.4", UidDictionary.nameOf("1.2.3.4"));
        assertEquals("1.2.840.10008.1.2", UIDs.ImplicitVRLittleEndian);
    }
}
