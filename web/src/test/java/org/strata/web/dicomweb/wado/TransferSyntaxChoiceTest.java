package org.strata.web.dicomweb.wado;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.strata.dicom.dict.UIDs;
import org.strata.web.dicomweb.AcceptHeader;
import org.strata.web.dicomweb.DicomWebException;

class TransferSyntaxChoiceTest {
    private static TransferSyntaxChoice choose(String accept) {
        return TransferSyntaxChoice.negotiate(AcceptHeader.parse(accept));
    }

    @Test
    void defaultIsExplicitLittleEndianWhichMayFallBackToStored() {
        TransferSyntaxChoice choice = choose(null);
        assertEquals(new TransferSyntaxChoice(UIDs.ExplicitVRLittleEndian, false), choice);
        assertEquals(UIDs.ExplicitVRLittleEndian, choice.forStored(UIDs.ImplicitVRLittleEndian));
        assertEquals(UIDs.ExplicitVRLittleEndian, choice.forStored(UIDs.RLELossless));
        assertEquals(UIDs.JPEGBaseline8Bit, choice.forStored(UIDs.JPEGBaseline8Bit));
        assertEquals(choice, choose("multipart/related; type=\"application/dicom\""));
    }

    @Test
    void namedSyntaxIsKeptOrRefused() {
        TransferSyntaxChoice rle = choose("multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.5");
        assertEquals(UIDs.RLELossless, rle.forStored(UIDs.ExplicitVRLittleEndian));
        assertNull(rle.forStored(UIDs.JPEGBaseline8Bit));
        TransferSyntaxChoice stored = choose("multipart/related; type=\"application/dicom\"; transfer-syntax=*");
        assertEquals(UIDs.JPEGBaseline8Bit, stored.forStored(UIDs.JPEGBaseline8Bit));
    }

    @Test
    void preferenceOrderAndRefusals() {
        assertEquals(UIDs.ImplicitVRLittleEndian, choose("application/json, multipart/related;"
                + " type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2;q=0.5").uid());
        assertEquals(406, assertThrows(DicomWebException.class,
                () -> choose("multipart/related; type=\"application/dicom+json\"")).status().getStatusCode());
        assertEquals(406, assertThrows(DicomWebException.class, () -> choose("application/dicom+json")).status()
                .getStatusCode());
        assertEquals(406, assertThrows(DicomWebException.class,
                () -> choose("multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.3")).status()
                .getStatusCode());
    }
}
