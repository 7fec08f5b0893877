package org.strata.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    void serverSurvivesMutatedAssociationRequests() throws Exception {
        ExecutorService executor = Executors.newCachedThreadPool();
        AssociationOptions options = new AssociationOptions().artimTimeoutMillis(200).idleTimeoutMillis(500);
        AcceptPolicy policy = new AcceptPolicy().accept(DimseServices.VERIFICATION, "1.2.840.10008.1.2")
                .options(options);
        try (DicomServer server = new DicomServer(policy, new DimseServices().handlers(executor), executor)) {
            server.start(new InetSocketAddress("127.0.0.1", 0));
            AssociateRequest good = new AssociateRequest();
            good.addPresentationContext(DimseServices.VERIFICATION, "1.2.840.10008.1.2");
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
            DimseChannel ch = DimseChannel.open("127.0.0.1", server.port(), null, good, options,
                    new DimseServices(), executor);
            assertEquals(Status.SUCCESS, ch.echo().status());
            ch.release();
        } finally {
            executor.shutdownNow();
        }
    }
}
