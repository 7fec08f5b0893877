package org.strata.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.Status;

/** Bounded, deterministic mutation of real PDUs: every outcome is a decoded PDU or a PduFormatException. */
class PduFuzzTest {

    private static byte[] mutate(byte[] pdu, Random r) {
        byte[] b = pdu.clone();
        switch (r.nextInt(4)) {
            case 0 -> { // byte flips
                for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> b = Arrays.copyOf(b, r.nextInt(b.length)); // truncation
            case 2 -> { // corrupt a 2-byte item length somewhere in the variable part
                int at = 74 + r.nextInt(Math.max(1, b.length - 76));
                b[at] = (byte) r.nextInt(256);
                b[at + 1] = (byte) r.nextInt(256);
            }
            default -> b[r.nextInt(b.length)] = (byte) r.nextInt(256); // random byte
        }
        return b;
    }

    @Test
    void decoderNeverThrowsAnythingElse() {
        byte[] rq = PduCodec.encode(PduCodecTest.fullRequest());
        AssociateAccept ac = new AssociateAccept();
        ac.presentationContexts().add(PresentationContext.accepted(1, "1.2.840.10008.1.2"));
        ac.roleSelections().add(new RoleSelection("1.2.840.10008.5.1.4.1.1.2", true, true));
        ac.setUserIdentityServerResponse(new byte[] {1, 2, 3});
        byte[] acPdu = PduCodec.encode(ac);
        Random r = new Random(20261128L);
        int decoded = 0;
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            boolean isRq = (i & 1) == 0;
            byte[] m = mutate(isRq ? rq : acPdu, r);
            byte[] body = m.length < 6 ? new byte[0] : Arrays.copyOfRange(m, 6, m.length);
            try {
                if (isRq) {
                    PduCodec.decodeAssociateRequest(body);
                } else {
                    PduCodec.decodeAssociateAccept(body);
                }
                decoded++;
            } catch (PduFormatException e) {
                rejected++;
            } catch (RuntimeException e) {
                fail("mutation " + i + " escaped as " + e, e);
            }
        }
        assertTrue(decoded > 1000 && rejected > 1000, "both outcomes exercised: " + decoded + "/" + rejected);
    }

    @Test
    void commandDecoderNeverThrowsAnythingElse() {
        org.strata.dicom.dimse.Command c = org.strata.dicom.dimse.Command.create(
                org.strata.dicom.dimse.CommandField.C_STORE_RQ, 7, true);
        c.setString(org.strata.dicom.dimse.Command.AFFECTED_SOP_CLASS_UID, "1.2.840.10008.5.1.4.1.1.2");
        c.setString(org.strata.dicom.dimse.Command.AFFECTED_SOP_INSTANCE_UID, "1.2.3.4.5.6.7");
        c.setString(org.strata.dicom.dimse.Command.MOVE_ORIGINATOR_AE_TITLE, "MOVER");
        byte[] valid = c.encode();
        Random r = new Random(99);
        for (int i = 0; i < 20_000; i++) {
            byte[] m = valid.clone();
            if (r.nextBoolean()) {
                m = Arrays.copyOf(m, r.nextInt(m.length));
            }
            for (int k = 0, n = 1 + r.nextInt(3); k < n && m.length > 0; k++) {
                m[r.nextInt(m.length)] = (byte) r.nextInt(256);
            }
            try {
                org.strata.dicom.dimse.Command.decode(m);
            } catch (org.strata.dicom.dimse.DimseException e) {
                // refused: fine
            } catch (RuntimeException e) {
                fail("command mutation " + i + " escaped as " + e, e);
            }
        }
    }

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AssociationOptions options = new AssociationOptions().artimTimeoutMillis(200).idleTimeoutMillis(500);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private DicomServer echoServer() throws java.io.IOException {
        AcceptPolicy policy = new AcceptPolicy().accept(DimseServices.VERIFICATION, "1.2.840.10008.1.2")
                .options(options);
        DicomServer server = new DicomServer(policy, new DimseServices().handlers(executor), executor);
        server.start(new InetSocketAddress("127.0.0.1", 0));
        return server;
    }

    private static AssociateRequest echoRequest() {
        AssociateRequest rq = new AssociateRequest();
        rq.addPresentationContext(DimseServices.VERIFICATION, "1.2.840.10008.1.2");
        return rq;
    }

    /** After the abuse, a good association still works. */
    private void assertStillServes(DicomServer server) throws java.io.IOException {
        DimseChannel ch = DimseChannel.open("127.0.0.1", server.port(), null, echoRequest(), options,
                new DimseServices(), executor);
        assertEquals(Status.SUCCESS, ch.echo().status());
        ch.release();
    }

    @Test
    void serverSurvivesMutatedPdata() throws Exception {
        try (DicomServer server = echoServer()) {
            AssociateRequest good = echoRequest();
            org.strata.dicom.dimse.Command echo = org.strata.dicom.dimse.Command.create(
                    org.strata.dicom.dimse.CommandField.C_ECHO_RQ, 1, false);
            echo.setString(org.strata.dicom.dimse.Command.AFFECTED_SOP_CLASS_UID, DimseServices.VERIFICATION);
            byte[] pdata = RawPeer.pdata(1, 3, echo.encode());
            Random r = new Random(11);
            int answered = 0;
            for (int i = 0; i < 150; i++) {
                try (RawPeer p = new RawPeer(server.port(), 3000)) {
                    p.send(PduCodec.encode(good));
                    assertEquals(PduCodec.A_ASSOCIATE_AC, p.readPdu()[0]);
                    byte[] m = pdata.clone();
                    for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) {
                        m[r.nextInt(m.length)] = (byte) r.nextInt(256);
                    }
                    p.send(m);
                    try {
                        byte[] reply = p.readPdu(); // C-ECHO-RSP (P-DATA) or A-ABORT
                        assertTrue(reply[0] == PduCodec.P_DATA_TF || reply[0] == PduCodec.A_ABORT,
                                "reply type " + reply[0]);
                        answered++;
                    } catch (java.io.IOException e) {
                        // Closed, or nothing within 3 s for a PDU that still waits for declared bytes.
                    }
                    p.socket.shutdownOutput();
                    assertTrue(p.closedByOtherSide(), "server closed mutation " + i);
                }
            }
            assertTrue(answered > 50, "most mutations get an answer: " + answered);
            assertStillServes(server);
        }
    }

    @Test
    void serverSurvivesMutatedAssociationRequests() throws Exception {
        try (DicomServer server = echoServer()) {
            AssociateRequest good = echoRequest();
            byte[] rq = PduCodec.encode(good);
            Random r = new Random(7);
            for (int i = 0; i < 200; i++) {
                try (RawPeer p = new RawPeer(server.port(), 3000)) {
                    p.send(mutate(rq, r));
                    p.socket.shutdownOutput();
                    // Whatever we sent, the server answers (AC, RJ or A-ABORT) and closes within ARTIM.
                    assertTrue(p.closedByOtherSide(), "server closed mutation " + i);
                }
            }
            assertStillServes(server);
        }
    }
}
