package org.strata.dicom.dimse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.net.AcceptPolicy;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.Association;
import org.strata.dicom.net.AssociationAbortedException;
import org.strata.dicom.net.AssociationOptions;
import org.strata.dicom.net.DicomServer;
import org.strata.dicom.net.TlsConfig;

/** C-CANCEL of an outstanding C-FIND, the idle timeout, and ARTIM on the requestor side. */
class CancelAndTimeoutTest {
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static AssociateRequest findRequest() {
        AssociateRequest rq = new AssociateRequest();
        rq.addPresentationContext(UIDs.StudyRootQueryRetrieveInformationModelFind, UIDs.ExplicitVRLittleEndian);
        return rq;
    }

    @Test
    void cancelStopsAnOutstandingFind() throws Exception {
        CountDownLatch sawCancel = new CountDownLatch(1);
        DimseServices services = new DimseServices().register(UIDs.StudyRootQueryRetrieveInformationModelFind, rq -> {
            Dataset match = new Dataset();
            match.setString(Tags.StudyInstanceUID, VR.UI, "1.2.3");
            for (int i = 0; i < 1000; i++) {
                if (rq.isCancelled()) {
                    sawCancel.countDown();
                    rq.respond(Status.CANCEL);
                    return;
                }
                rq.respond(Status.PENDING, match);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            rq.respond(Status.SUCCESS);
        });
        try (DicomServer server = new DicomServer(new AcceptPolicy().accept(
                UIDs.StudyRootQueryRetrieveInformationModelFind, UIDs.ExplicitVRLittleEndian),
                services.handlers(executor), executor)) {
            server.start(new InetSocketAddress("127.0.0.1", 0));
            DimseChannel ch = DimseChannel.open("127.0.0.1", server.port(), null, findRequest(),
                    new AssociationOptions(), new DimseServices(), executor);
            Dataset keys = new Dataset();
            keys.setString(Tags.QueryRetrieveLevel, VR.CS, "STUDY");
            AtomicInteger matches = new AtomicInteger();
            DimseResponse done = DimseChannel.await(ch.find(1, UIDs.StudyRootQueryRetrieveInformationModelFind,
                    keys, m -> {
                        if (matches.incrementAndGet() == 3) {
                            try {
                                ch.cancel(1, m.command().messageIdBeingRespondedTo());
                            } catch (java.io.IOException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }));
            assertEquals(Status.CANCEL, done.status());
            assertTrue(sawCancel.await(1, TimeUnit.SECONDS));
            assertTrue(matches.get() < 1000, "stopped early: " + matches.get());
            ch.release();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void idleAssociationIsAbortedBySp() throws Exception {
        AssociationOptions options = new AssociationOptions().artimTimeoutMillis(500).idleTimeoutMillis(300);
        try (DicomServer server = new DicomServer(new AcceptPolicy().accept(
                UIDs.StudyRootQueryRetrieveInformationModelFind, UIDs.ExplicitVRLittleEndian).options(options),
                new DimseServices().handlers(executor), executor)) {
            server.start(new InetSocketAddress("127.0.0.1", 0));
            DimseChannel ch = DimseChannel.open("127.0.0.1", server.port(), null, findRequest(),
                    new AssociationOptions().idleTimeoutMillis(0), new DimseServices(), executor);
            assertTrue(ch.association().awaitClose(5, TimeUnit.SECONDS), "closed by the SCP's idle timeout");
            assertTrue(ch.association().closeCause() instanceof AssociationAbortedException,
                    String.valueOf(ch.association().closeCause()));
        }
    }

    @Test
    void requestorGivesUpAfterArtimWhenNobodyAnswers() throws Exception {
        try (ServerSocket mute = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            executor.execute(() -> {
                try (Socket s = mute.accept()) {
                    Thread.sleep(5000); // accepts the connection, never answers A-ASSOCIATE-RQ
                } catch (Exception e) {
                    // test over
                }
            });
            AssociationOptions options = new AssociationOptions().artimTimeoutMillis(300);
            long t0 = System.nanoTime();
            assertThrows(AssociationAbortedException.class, () -> Association.request(
                    TlsConfig.connect("127.0.0.1", mute.getLocalPort(), null, options), findRequest(), options,
                    (a, pc, cmd) -> { }, executor));
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(3));
        }
    }
}
