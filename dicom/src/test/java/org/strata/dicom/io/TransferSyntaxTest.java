package org.strata.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.strata.dicom.dict.UIDs;

class TransferSyntaxTest {

    @Test
    void uncompressedSyntaxesHaveTheirFlags() {
        assertSame(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.forUid(UIDs.ImplicitVRLittleEndian));
        assertFalse(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.isExplicitVr());
        TransferSyntax be = TransferSyntax.forUid(UIDs.ExplicitVRBigEndian + " ");
        assertTrue(be.isExplicitVr() && be.isBigEndian() && !be.isEncapsulated());
        TransferSyntax deflated = TransferSyntax.forUid(UIDs.DeflatedExplicitVRLittleEndian);
        assertTrue(deflated.isDeflated() && !deflated.isEncapsulated());
    }

    @Test
    void compressedSyntaxesAreEncapsulatedExplicitLittleEndian() {
        for (String uid : new String[] {UIDs.JPEGBaseline8Bit, UIDs.JPEGLSLossless, UIDs.JPEG2000, UIDs.RLELossless,
            UIDs.MPEG2MPML, UIDs.HEVCMP51, UIDs.HTJ2KLossless, "1.2.840.10008.1.2.1.98"}) {
            TransferSyntax ts = TransferSyntax.forUid(uid);
            assertTrue(ts.isEncapsulated() && ts.isExplicitVr() && !ts.isBigEndian() && !ts.isDeflated(), uid);
            assertTrue(ts.isRegistered(), uid);
        }
    }

    @Test
    void jpipReferencedSyntaxesAreNative() {
        assertFalse(TransferSyntax.forUid(UIDs.JPIPReferenced).isEncapsulated());
        assertTrue(TransferSyntax.forUid(UIDs.JPIPReferencedDeflate).isDeflated());
    }

    @Test
    void unknownUidsAreTreatedAsPrivateEncapsulatedSyntaxes() {
        TransferSyntax ts = TransferSyntax.forUid("1.2.3.4.5");
        assertFalse(ts.isRegistered());
        assertTrue(ts.isEncapsulated());
        assertEquals("1.2.3.4.5", ts.uid());
        assertEquals(ts, TransferSyntax.forUid("1.2.3.4.5"));
    }
}
