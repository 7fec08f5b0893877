package org.strata.web.dicomweb.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.strata.dicom.dict.UIDs;
import org.strata.web.dicomweb.AcceptHeader;
import org.strata.web.dicomweb.DicomWebException;

class FramesResourceTest {
    private static final String NATIVE = "application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1";

    private static String partType(String accept, String syntax, boolean encapsulated) {
        return FramesResource.partType(AcceptHeader.parse(accept), syntax, encapsulated);
    }

    @Test
    void uncompressedAndRleFramesAreNativeByDefault() {
        assertEquals(NATIVE, partType(null, UIDs.ImplicitVRLittleEndian, false));
        assertEquals(NATIVE, partType("*/*", UIDs.RLELossless, true));
        assertEquals(NATIVE, partType("multipart/related; type=\"application/octet-stream\"", UIDs.RLELossless, true));
    }

    @Test
    void compressedFramesGoAsStoredInTheirMediaType() {
        assertEquals("image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50", partType(null, UIDs.JPEGBaseline8Bit, true));
        assertEquals("image/dicom-rle; transfer-syntax=1.2.840.10008.1.2.5",
                partType("multipart/related; type=\"image/dicom-rle\"", UIDs.RLELossless, true));
        assertEquals("image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.50", partType(
                "multipart/related; type=\"application/octet-stream\", multipart/related; type=\"image/jpeg\"",
                UIDs.JPEGBaseline8Bit, true));
    }

    @Test
    void whatCannotBeMadeIs406() {
        for (String[] refused : new String[][] {
            {"multipart/related; type=\"application/octet-stream\"", UIDs.JPEGBaseline8Bit},
            {"multipart/related; type=\"image/jpeg\"", UIDs.ExplicitVRLittleEndian},
            {"multipart/related; type=\"image/jpeg\"; transfer-syntax=1.2.840.10008.1.2.4.70", UIDs.JPEGBaseline8Bit},
            {"application/dicom", UIDs.ExplicitVRLittleEndian}}) {
            DicomWebException e = assertThrows(DicomWebException.class,
                    () -> partType(refused[0], refused[1], !refused[1].equals(UIDs.ExplicitVRLittleEndian)));
            assertEquals(406, e.status().getStatusCode(), refused[0]);
        }
    }
}
