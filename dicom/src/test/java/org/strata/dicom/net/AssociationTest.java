package org.strata.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strata.dicom.dimse.Command;
import org.strata.dicom.dimse.CommandField;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseResponse;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.Status;

/** Negotiation corner cases, P-DATA limits, release collision and protocol violations, over loopback. */
class AssociationTest {
    static final String IMPLICIT = "1.2.840.10008.1.2";
    static final String EXPLICIT = "1.2.840.10008.1.2.1";
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String COMMITMENT = "1.2.840.10008.1.20.1";

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private DicomServer server;
    private final AtomicReference<byte[]> storedDigest = new AtomicReference<>();

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        executor.shutdownNow();
    }

    private AssociationOptions fastOptions() {
        return new AssociationOptions().artimTimeoutMillis(500).idleTimeoutMillis(3000);
    }

    private void startServer(AcceptPolicy policy, DimseServices services) throws IOException {
        server = new DicomServer(policy.options(fastOptions()), services.handlers(executor), executor);
        server.start(new InetSocketAddress("127.0.0.1", 0));
    }

    private DimseServices digestingStore() {
        return new DimseServices().register(CT, rq -> {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[8192];
                int n;
                while ((n = rq.dataStream().read(buf)) >= 0) {
                    md.update(buf, 0, n);
                }
                storedDigest.set(md.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            rq.respond(Status.SUCCESS);
        });
    }

    private AssociateRequest request(String sopClass, String... ts) {
        AssociateRequest rq = new AssociateRequest();
        rq.setCalledAeTitle("STRATA");
        rq.addPresentationContext(sopClass, ts);
        return rq;
    }

    private DimseChannel open(AssociateRequest rq) throws IOException {
        return DimseChannel.open("127.0.0.1", server.port(), null, rq, fastOptions(), new DimseServices(), executor);
    }

    private void storeAndCompare(long ourMaxPdu, long peerMaxPdu, int size) throws Exception {
        startServer(new AcceptPolicy().accept(CT, EXPLICIT).maxPduLength(ourMaxPdu), digestingStore());
        AssociateRequest rq = request(CT, EXPLICIT);
        rq.setMaxPduLength(peerMaxPdu);
        DimseChannel ch = open(rq);
        assertEquals(ourMaxPdu, ch.association().accept().maxPduLength());
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        DimseResponse rsp = DimseChannel.await(ch.store(1, CT, "1.2.3.4", Command.PRIORITY_MEDIUM,
                out -> out.write(data), null, -1));
        assertEquals(Status.SUCCESS, rsp.status());
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(data), storedDigest.get());
        ch.release();
    }

    @Test
    void tinyMaxPduIsRespectedBySender() throws Exception {
        // The SCP aborts any P-DATA-TF longer than it announced, so success proves 4 KB fragmentation.
        storeAndCompare(4096, 4096, 300_001);
    }

    @Test
    void unlimitedMaxPduBothWays() throws Exception {
        storeAndCompare(0, 0, 2_000_000);
    }

    @Test
    void noAcceptableContextIsRejected() throws Exception {
        startServer(new AcceptPolicy().accept(CT, EXPLICIT), new DimseServices());
        AssociationRejectedException e = assertThrows(AssociationRejectedException.class,
                () -> open(request("1.2.840.10008.5.1.4.1.1.4", EXPLICIT)));
        assertEquals(AssociateReject.RESULT_PERMANENT, e.reject().result());
        AssociationRejectedException e2 = assertThrows(AssociationRejectedException.class,
                () -> open(request(CT, "1.2.840.10008.1.2.4.50")));
        assertEquals(AssociateReject.SOURCE_USER, e2.reject().source());
    }

    @Test
    void contextsAnsweredOneByOneWithReasons() throws Exception {
        startServer(new AcceptPolicy().accept(CT, EXPLICIT, IMPLICIT), new DimseServices());
        AssociateRequest rq = request(CT, "1.2.840.10008.1.2.4.50");
        rq.addPresentationContext(CT, IMPLICIT, EXPLICIT);
        rq.addPresentationContext("1.2.840.10008.5.1.4.1.1.4", EXPLICIT);
        DimseChannel ch = open(rq);
        AssociateAccept ac = ch.association().accept();
        assertEquals(PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED, ac.presentationContext(1).result());
        assertEquals(EXPLICIT, ac.presentationContext(3).transferSyntax(), "our preference order wins");
        assertEquals(PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED, ac.presentationContext(5).result());
        ch.release();
    }

    @Test
    void roleSelectionIsAnsweredForAcceptedClasses() throws Exception {
        startServer(new AcceptPolicy().accept(CT, EXPLICIT), new DimseServices());
        AssociateRequest rq = request(CT, EXPLICIT);
        rq.roleSelections().add(new RoleSelection(CT, false, true));
        rq.roleSelections().add(new RoleSelection("1.2.840.10008.5.1.4.1.1.4", true, true));
        DimseChannel ch = open(rq);
        AssociateAccept ac = ch.association().accept();
        assertEquals(new RoleSelection(CT, false, true), ac.roleSelection(CT));
        assertNull(ac.roleSelection("1.2.840.10008.5.1.4.1.1.4"));
        ch.release();
    }

    @Test
    void userIdentityHookAcceptsAndRejects() throws Exception {
        AcceptPolicy policy = new AcceptPolicy().accept(CT, EXPLICIT).userIdentityVerifier((id, rq) -> {
            if (id.type() == UserIdentity.USERNAME_AND_PASSCODE && id.secondaryText().equals("secret")) {
                return "welcome".getBytes();
            }
            throw new AssociationRejectedException(new AssociateReject(AssociateReject.RESULT_PERMANENT,
                    AssociateReject.SOURCE_USER, AssociateReject.REASON_NO_REASON));
        });
        startServer(policy, new DimseServices());
        AssociateRequest good = request(CT, EXPLICIT);
        good.setUserIdentity(UserIdentity.usernameAndPasscode("alice", "secret", true));
        DimseChannel ch = open(good);
        assertArrayEquals("welcome".getBytes(), ch.association().accept().userIdentityServerResponse());
        ch.release();
        AssociateRequest bad = request(CT, EXPLICIT);
        bad.setUserIdentity(UserIdentity.usernameAndPasscode("alice", "guess", false));
        assertThrows(AssociationRejectedException.class, () -> open(bad));
    }

    @Test
    void asyncWindowAllowsSeveralOutstandingOperations() throws Exception {
        int window = 4;
        CountDownLatch allArrived = new CountDownLatch(window);
        DimseServices services = new DimseServices().register(COMMITMENT, rq -> {
            allArrived.countDown();
            try {
                // Only answers once all requests are outstanding at the same time.
                if (!allArrived.await(5, TimeUnit.SECONDS)) {
                    rq.respond(Status.PROCESSING_FAILURE);
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            rq.respond(Status.SUCCESS);
        });
        startServer(new AcceptPolicy().accept(COMMITMENT, IMPLICIT).maxOpsPerformed(window), services);
        AssociateRequest rq = request(COMMITMENT, IMPLICIT);
        rq.setAsyncOpsWindow(window, 1);
        DimseChannel ch = open(rq);
        assertEquals(window, ch.association().accept().maxOpsInvoked());
        List<CompletableFuture<DimseResponse>> futures = new ArrayList<>();
        for (int i = 0; i < window; i++) {
            Command action = Command.create(CommandField.N_ACTION_RQ, 0, false);
            action.setString(Command.REQUESTED_SOP_CLASS_UID, COMMITMENT);
            action.setString(Command.REQUESTED_SOP_INSTANCE_UID, "1.2.840.10008.1.20.1.1");
            action.setInt(Command.ACTION_TYPE_ID, 1);
            futures.add(ch.invoke(1, action, null, null));
        }
        for (CompletableFuture<DimseResponse> f : futures) {
            assertEquals(Status.SUCCESS, DimseChannel.await(f).status());
        }
        ch.release();
    }

    @Test
    void unknownSopClassGetsFailureStatusNotAbort() throws Exception {
        startServer(new AcceptPolicy().accept(COMMITMENT, IMPLICIT), new DimseServices());
        DimseChannel ch = open(request(COMMITMENT, IMPLICIT));
        Command action = Command.create(CommandField.N_ACTION_RQ, 0, false);
        action.setString(Command.REQUESTED_SOP_CLASS_UID, COMMITMENT);
        action.setString(Command.REQUESTED_SOP_INSTANCE_UID, "1.2.3");
        DimseResponse rsp = ch.invokeAndWait(1, action, null, null);
        assertEquals(Status.SOP_CLASS_NOT_SUPPORTED, rsp.status());
        assertNotNull(rsp.errorComment());
        ch.release();
    }

    // ------------------------------------------------------------ raw protocol violations against our SCP

    private byte[] associateRq() {
        return PduCodec.encode(request(CT, EXPLICIT));
    }

    private static void assertAbort(byte[] pdu, int reason) {
        assertEquals(PduCodec.A_ABORT, pdu[0], "expected A-ABORT");
        assertEquals(AbortReason.SOURCE_PROVIDER, pdu[8]);
        assertEquals(reason, pdu[9]);
    }

    @Test
    void unknownPduTypeIsAbortedAsUnrecognized() throws Exception {
        startServer(new AcceptPolicy().accept(CT, EXPLICIT), new DimseServices());
        try (RawPeer p = new RawPeer(server.port(), 3000)) {
            p.send(RawPeer.pdu(0x0A, new byte[4]));
            assertAbort(p.readPdu(), AbortReason.UNRECOGNIZED_PDU);
            assertTrue(p.closedByOtherSide());
        }
    }

    @Test
    void pdataBeforeAssociationIsUnexpected() throws Exception {
        startServer(new AcceptPolicy().accept(CT, EXPLICIT), new DimseServices());
        try (RawPeer p = new RawPeer(server.port(), 3000)) {
            p.send(RawPeer.pdata(1, 3, new byte[10]));
            assertAbort(p.readPdu(), AbortReason.UNEXPECTED_PDU);
        }
    }

    @Test
    void oversizedPdataIsAbortedWithoutReadingIt() throws Exception {
        startServer(new AcceptPolicy().accept(CT, EXPLICIT).maxPduLength(16384), new DimseServices());
        try (RawPeer p = new RawPeer(server.port(), 3000)) {
            p.send(associateRq());
            assertEquals(PduCodec.A_ASSOCIATE_AC, p.readPdu()[0]);
            byte[] header = RawPeer.pdu(PduCodec.P_DATA_TF);
            PduCodec.putInt(header, 2, 0x7FFFFFF0); // declares ~2 GB, sends nothing more
            p.send(header);
            assertAbort(p.readPdu(), AbortReason.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void pdvLongerThanItsPduIsInvalid() throws Exception {
        startServer(new AcceptPolicy().accept(CT, EXPLICIT), new DimseServices());
        try (RawPeer p = new RawPeer(server.port(), 3000)) {
            p.send(associateRq());
            assertEquals(PduCodec.A_ASSOCIATE_AC, p.readPdu()[0]);
            byte[] pdata = RawPeer.pdata(1, 3, new byte[20]);
            PduCodec.putInt(pdata, 6, 5000);
            p.send(pdata);
            assertAbort(p.readPdu(), AbortReason.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void silentPeerIsClosedAfterArtim() throws Exception {
        startServer(new AcceptPolicy().accept(CT, EXPLICIT), new DimseServices());
        try (RawPeer p = new RawPeer(server.port(), 5000)) {
            long t0 = System.nanoTime();
            assertTrue(p.closedByOtherSide());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(4), "closed by ARTIM, not by our timeout");
        }
    }

    @Test
    void peerStoppingMidPduIsAborted() throws Exception {
        startServer(new AcceptPolicy().accept(CT, EXPLICIT), new DimseServices());
        try (RawPeer p = new RawPeer(server.port(), 5000)) {
            byte[] rq = associateRq();
            p.send(java.util.Arrays.copyOf(rq, rq.length / 2));
            assertTrue(p.closedByOtherSide());
        }
    }

    @Test
    void releaseCollisionAsRequestorEndsNormally() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Future<?> fakeScp = executor.submit(() -> {
                try (Socket s = ss.accept(); RawPeer p = new RawPeer(s, 3000)) {
                    byte[] rqPdu = p.readPdu();
                    AssociateRequest rq = PduCodec.decodeAssociateRequest(
                            java.util.Arrays.copyOfRange(rqPdu, 6, rqPdu.length));
                    p.send(PduCodec.encode(new AcceptPolicy().accept(CT, EXPLICIT).negotiate(rq)));
                    assertEquals(PduCodec.A_RELEASE_RQ, p.readPdu()[0]);
                    p.send(PduCodec.releaseRequest()); // collision: we also want to release
                    // PS3.8 9.2.3: the association-requestor answers first...
                    assertEquals(PduCodec.A_RELEASE_RP, p.readPdu()[0]);
                    p.send(PduCodec.releaseResponse()); // ...then the acceptor; the requestor closes.
                    assertTrue(p.closedByOtherSide());
                }
                return null;
            });
            Association as = Association.request(TlsConfig.connect("127.0.0.1", ss.getLocalPort(), null,
                    fastOptions()), request(CT, EXPLICIT), fastOptions(), (a, pc, cmd) -> { }, executor);
            as.release();
            assertNull(as.closeCause());
            fakeScp.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void releaseCollisionAsAcceptorEndsNormally() throws Exception {
        CountDownLatch established = new CountDownLatch(1);
        AtomicReference<Association> scpSide = new AtomicReference<>();
        AcceptPolicy policy = new AcceptPolicy().accept(CT, EXPLICIT).options(fastOptions());
        try (ServerSocket ss = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            executor.execute(() -> {
                try {
                    Association.serve(ss.accept(), fastOptions(), new AssociationNegotiator() {
                        public AssociateAccept negotiate(AssociateRequest request, String peer)
                                throws AssociationRejectedException {
                            return policy.negotiate(request);
                        }

                        public MessageHandler handlerFor(Association association) {
                            scpSide.set(association);
                            established.countDown();
                            return (a, pc, cmd) -> { };
                        }
                    });
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (RawPeer p = new RawPeer(ss.getLocalPort(), 3000)) {
                p.send(associateRq());
                assertEquals(PduCodec.A_ASSOCIATE_AC, p.readPdu()[0]);
                assertTrue(established.await(2, TimeUnit.SECONDS));
                Future<?> release = executor.submit(() -> {
                    scpSide.get().release();
                    return null;
                });
                assertEquals(PduCodec.A_RELEASE_RQ, p.readPdu()[0]);
                p.send(PduCodec.releaseRequest()); // collision; we are the requestor, so we answer first
                p.send(PduCodec.releaseResponse());
                assertEquals(PduCodec.A_RELEASE_RP, p.readPdu()[0], "acceptor answers after the requestor");
                p.close();
                release.get(5, TimeUnit.SECONDS);
                assertNull(scpSide.get().closeCause());
            }
        }
    }
}
