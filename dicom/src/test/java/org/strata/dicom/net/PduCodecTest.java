package org.strata.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PduCodecTest {

    static AssociateRequest fullRequest() {
        AssociateRequest rq = new AssociateRequest();
        rq.setCallingAeTitle("MODALITY");
        rq.setCalledAeTitle("STRATA");
        rq.addPresentationContext("1.2.840.10008.1.1", "1.2.840.10008.1.2");
        rq.addPresentationContext("1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2");
        rq.setMaxPduLength(0);
        rq.setAsyncOpsWindow(5, 3);
        rq.roleSelections().add(new RoleSelection("1.2.840.10008.5.1.4.1.1.2", false, true));
        rq.extendedNegotiations().add(new ExtendedNegotiation("1.2.840.10008.5.1.4.1.2.2.1", new byte[] {1, 0, 1}));
        rq.commonExtendedNegotiations().add(new CommonExtendedNegotiation("1.2.840.10008.5.1.4.1.1.88.22",
                "1.2.840.10008.4.2", List.of("1.2.840.10008.5.1.4.1.1.88.11", "1.2.840.10008.5.1.4.1.1.88.33")));
        rq.setUserIdentity(new UserIdentity(UserIdentity.JWT, true, "eyJhbGciOi.x.y".getBytes(), null));
        return rq;
    }

    private static byte[] body(byte[] pdu) {
        return Arrays.copyOfRange(pdu, 6, pdu.length);
    }

    @Test
    void requestRoundTripsEveryItem() throws Exception {
        AssociateRequest rq = fullRequest();
        byte[] pdu = PduCodec.encode(rq);
        assertEquals(PduCodec.A_ASSOCIATE_RQ, pdu[0]);
        assertEquals(pdu.length - 6, ((pdu[2] & 0xFF) << 24) | ((pdu[3] & 0xFF) << 16) | ((pdu[4] & 0xFF) << 8) | (pdu[5] & 0xFF));
        AssociateRequest back = PduCodec.decodeAssociateRequest(body(pdu));
        assertEquals("MODALITY", back.callingAeTitle());
        assertEquals("STRATA", back.calledAeTitle());
        assertEquals(2, back.presentationContexts().size());
        assertEquals(rq.presentationContexts(), back.presentationContexts());
        assertEquals(0, back.maxPduLength());
        assertEquals(5, back.maxOpsInvoked());
        assertEquals(3, back.maxOpsPerformed());
        assertEquals(rq.roleSelections(), back.roleSelections());
        assertArrayEquals(new byte[] {1, 0, 1}, back.extendedNegotiation("1.2.840.10008.5.1.4.1.2.2.1").info());
        assertEquals(rq.commonExtendedNegotiations(), back.commonExtendedNegotiations());
        assertEquals(UserIdentity.JWT, back.userIdentity().type());
        assertEquals("eyJhbGciOi.x.y", back.userIdentity().primaryText());
        assertTrue(back.userIdentity().positiveResponseRequested());
        assertEquals(AssociateParameters.IMPLEMENTATION_CLASS_UID, back.implementationClassUid());
        assertEquals(AssociateParameters.IMPLEMENTATION_VERSION_NAME, back.implementationVersionName());
    }

    @Test
    void acceptRoundTripsResultsAndServerResponse() throws Exception {
        AssociateAccept ac = new AssociateAccept();
        ac.presentationContexts().add(PresentationContext.accepted(1, "1.2.840.10008.1.2"));
        ac.presentationContexts().add(PresentationContext.rejected(3,
                PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED));
        ac.setMaxPduLength(4096);
        ac.setUserIdentityServerResponse(new byte[] {9, 8});
        AssociateAccept back = PduCodec.decodeAssociateAccept(body(PduCodec.encode(ac)));
        assertEquals("1.2.840.10008.1.2", back.presentationContext(1).transferSyntax());
        assertTrue(back.presentationContext(1).isAccepted());
        assertEquals(PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED, back.presentationContext(3).result());
        assertEquals(4096, back.maxPduLength());
        assertArrayEquals(new byte[] {9, 8}, back.userIdentityServerResponse());
    }

    @Test
    void itemLengthBeyondBodyIsInvalidParameterValue() {
        byte[] body = body(PduCodec.encode(fullRequest()));
        // First variable item (application context) starts at 68; claim it is longer than the body.
        body[70] = (byte) 0x7F;
        PduFormatException e = assertThrows(PduFormatException.class, () -> PduCodec.decodeAssociateRequest(body));
        assertEquals(AbortReason.INVALID_PDU_PARAMETER_VALUE, e.abortReason());
    }

    @Test
    void unknownTopLevelItemIsUnrecognizedParameter() {
        byte[] body = body(PduCodec.encode(fullRequest()));
        body[68] = 0x33;
        PduFormatException e = assertThrows(PduFormatException.class, () -> PduCodec.decodeAssociateRequest(body));
        assertEquals(AbortReason.UNRECOGNIZED_PDU_PARAMETER, e.abortReason());
    }

    @Test
    void truncatedFixedPartIsRejected() {
        assertThrows(PduFormatException.class, () -> PduCodec.decodeAssociateRequest(new byte[20]));
        assertThrows(PduFormatException.class, () -> PduCodec.decodeAssociateReject(new byte[3]));
    }
}
