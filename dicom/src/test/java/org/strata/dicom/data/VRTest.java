package org.strata.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VRTest {

    @Test
    void longHeaderVrsAreExactlyThoseOfPs35Table71_1() {
        Set<VR> expected = EnumSet.of(VR.OB, VR.OD, VR.OF, VR.OL, VR.OV, VR.OW, VR.SQ, VR.SV, VR.UC, VR.UN, VR.UR,
                VR.UT, VR.UV);
        for (VR vr : VR.values()) {
            assertEquals(expected.contains(vr), vr.hasLongHeader(), vr.name());
        }
    }

    @Test
    void codesRoundTripAndRejectNonVrs() {
        for (VR vr : VR.values()) {
            assertEquals(vr, VR.ofCode(vr.code()));
            assertEquals(vr, VR.ofName(vr.name()));
        }
        assertNull(VR.ofCode(('X' << 8) | 'X'));
        assertNull(VR.ofName("P"));
        assertNull(VR.ofCode(-5));
    }

    @Test
    void paddingAndKinds() {
        assertEquals(0, VR.UI.paddingByte());
        assertEquals(' ', VR.PN.paddingByte());
        assertEquals(0, VR.OB.paddingByte());
        assertTrue(VR.PN.usesSpecificCharacterSet());
        assertFalse(VR.CS.usesSpecificCharacterSet());
        assertFalse(VR.LT.isMultiValued());
        assertTrue(VR.SQ.isSequence());
        assertEquals(2, VR.AT.byteSwapUnit());
        assertEquals(8, VR.FD.byteSwapUnit());
        assertFalse(VR.OB.isByteOrderSensitive());
        assertTrue(VR.OW.isByteOrderSensitive());
    }
}
