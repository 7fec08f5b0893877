package org.strata.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.strata.dicom.dimse.Command;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.Status;

/** 50 simultaneous peers that break PS3.8 in different ways; a good association still completes. */
class MisbehavingPeersTest {
    private static final String CT = AssociationTest.CT;
    private static final String EXPLICIT = AssociationTest.EXPLICIT;

    @Test
    void badPeersAreCutOffWhileGoodAssociationCompletes() throws Exception {
        ExecutorService executor = Executors.newCachedThreadPool();
        AssociationOptions options = new AssociationOptions().artimTimeoutMillis(300).idleTimeoutMillis(1000);
        DimseServices services = new DimseServices().register(CT, rq -> {
            rq.dataStream().transferTo(java.io.OutputStream.nullOutputStream());
            rq.respond(Status.SUCCESS);
        });
        AcceptPolicy policy = new AcceptPolicy().accept(CT, EXPLICIT).accept(DimseServices.VERIFICATION, EXPLICIT)
                .maxAssociations(200).options(options);
        try (DicomServer server = new DicomServer(policy, services.handlers(executor), executor)) {
            server.start(new InetSocketAddress("127.0.0.1", 0));
            AssociateRequest good = new AssociateRequest();
            good.addPresentationContext(CT, EXPLICIT);
            byte[] validRq = PduCodec.encode(good);

            List<Future<Boolean>> bad = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int kind = i % 6;
                Random random = new Random(i);
                bad.add(executor.submit(() -> {
                    try (RawPeer p = new RawPeer(server.port(), 4000)) {
                        switch (kind) {
                            case 0 -> { } // connects and says nothing
                            case 1 -> {
                                byte[] garbage = new byte[200];
                                random.nextBytes(garbage);
                                p.send(garbage);
                            }
                            case 2 -> p.send(Arrays.copyOf(validRq, validRq.length / 2));
                            case 3 -> {
                                p.send(validRq);
                                p.readPdu();
                                byte[] pdata = RawPeer.pdata(1, 3, new byte[100]);
                                p.send(Arrays.copyOf(pdata, 40)); // stops mid-PDU
                            }
                            case 4 -> {
                                p.send(validRq);
                                p.readPdu();
                                p.send(RawPeer.pdu(0x42, new byte[4]));
                            }
                            default -> {
                                byte[] header = RawPeer.pdu(PduCodec.A_ASSOCIATE_RQ);
                                PduCodec.putInt(header, 2, -1); // declares 4 GB
                                p.send(header);
                            }
                        }
                        return p.closedByOtherSide();
                    }
                }));
            }

            good.addPresentationContext(DimseServices.VERIFICATION, EXPLICIT);
            DimseChannel ch = DimseChannel.open("127.0.0.1", server.port(), null, good, options, services, executor);
            assertEquals(Status.SUCCESS, ch.echo().status());
            byte[] big = new byte[3_000_000];
            assertEquals(Status.SUCCESS, DimseChannel.await(ch.store(1, CT, "1.2.3", Command.PRIORITY_MEDIUM,
                    out -> out.write(big), null, -1)).status());
            ch.release();

            for (Future<Boolean> f : bad) {
                assertTrue(f.get(10, TimeUnit.SECONDS), "every misbehaving peer is disconnected by the server");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (server.activeAssociations() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, server.activeAssociations(), "no association task left behind");
        } finally {
            executor.shutdownNow();
        }
    }
}
