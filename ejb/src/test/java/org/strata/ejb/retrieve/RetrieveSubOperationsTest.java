package org.strata.ejb.retrieve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.Command;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseResponse;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.FolderStorage;
import org.strata.dicom.dimse.Part10Source;
import org.strata.dicom.dimse.Status;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.FileMetaInformation;
import org.strata.dicom.io.Part10;
import org.strata.dicom.net.AcceptPolicy;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationOptions;
import org.strata.jca.dicom.api.DicomAssociation;
import org.strata.dicom.net.DicomServer;
import org.strata.dicom.net.RoleSelection;

/**
 * The C-GET and C-MOVE sub-operation loops of {@link RetrieveService} over real associations (toolkit peers on
 * 127.0.0.1), without the container: what arrives, the counts and statuses of the responses, C-CANCEL.
 */
class RetrieveSubOperationsTest {
    private static final Path CT = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");
    private static final String GET = UIDs.StudyRootQueryRetrieveInformationModelGet;
    private static final String MOVE = UIDs.StudyRootQueryRetrieveInformationModelMove;

    @TempDir
    Path dir;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<DicomServer> servers = new CopyOnWriteArrayList<>();
    private volatile List<RetrieveItem> items;
    private volatile int destinationPort;
    private final AtomicInteger associations = new AtomicInteger();

    @BeforeEach
    void archive() throws IOException {
        assertTrue(Files.isReadable(CT), "pydicom's test files are needed (apt-get install python3-pydicom): " + CT);
        AcceptPolicy policy = new AcceptPolicy().accept(GET, UIDs.ExplicitVRLittleEndian)
                .accept(MOVE, UIDs.ExplicitVRLittleEndian)
                .acceptFamily(AcceptPolicy.STORAGE_CLASSES, AcceptPolicy.ANY_TRANSFER_SYNTAX);
        DimseServices services = new DimseServices()
                .register(GET, rq -> RetrieveService.sendOnRequestAssociation(rq, items))
                .register(MOVE, rq -> {
                    try (MoveDestination out = new MoveDestination("ARCHIVE", "DEST", items, request -> {
                        associations.incrementAndGet();
                        return released(DimseChannel.open("127.0.0.1", destinationPort, null, request,
                                new AssociationOptions(), new DimseServices(), executor));
                    })) {
                        RetrieveService.sendToDestination(rq, items, out);
                    }
                });
        start(policy, services);
    }

    /** What the outbound connection factory gives an EJB, here straight from the toolkit. */
    private static DicomAssociation released(DimseChannel channel) {
        return new DicomAssociation() {
            @Override
            public DimseChannel channel() {
                return channel;
            }

            @Override
            public void close() {
                try {
                    channel.release();
                } catch (IOException e) {
                    channel.association().abort();
                }
            }
        };
    }

    @AfterEach
    void stop() throws IOException {
        for (DicomServer s : servers) {
            s.close();
        }
        executor.shutdownNow();
    }

    private int start(AcceptPolicy policy, DimseServices services) throws IOException {
        DicomServer server = new DicomServer(policy, services.handlers(executor), executor);
        server.start(new InetSocketAddress("127.0.0.1", 0));
        servers.add(server);
        return server.port();
    }

    @Test
    void cGetSendsEachInstanceOnTheSameAssociationConvertingWhenTheStoredSyntaxIsNotAccepted() throws Exception {
        RetrieveItem explicit = item("explicit", UIDs.ExplicitVRLittleEndian);
        RetrieveItem implicit = item("implicit", UIDs.ImplicitVRLittleEndian);
        items = List.of(explicit, implicit);
        Path received = Files.createDirectory(dir.resolve("received"));
        List<Integer> remaining = new CopyOnWriteArrayList<>();

        DimseResponse done = get(received, true, remaining);

        assertEquals(Status.SUCCESS, done.status());
        assertEquals(2, done.command().getInt(Command.NUMBER_OF_COMPLETED_SUBOPERATIONS, -1));
        assertEquals(0, done.command().getInt(Command.NUMBER_OF_FAILED_SUBOPERATIONS, -1));
        assertEquals(List.of(1), remaining);
        // Offered only explicit VR: the explicit file travels verbatim, the implicit one re-encoded.
        assertArrayEquals(datasetBytes(explicit.file()), datasetBytes(received.resolve(explicit.sopInstanceUid()
                + ".dcm")));
        DicomFile converted = Part10.read(received.resolve(implicit.sopInstanceUid() + ".dcm"));
        assertEquals(UIDs.ExplicitVRLittleEndian, converted.meta().transferSyntaxUid());
        assertEquals(Part10.read(implicit.file()).dataset(), converted.dataset());
    }

    @Test
    void cGetReportsAnUnreadableInstanceAsFailedWithB000AndItsUid() throws Exception {
        RetrieveItem good = item("good", UIDs.ExplicitVRLittleEndian);
        RetrieveItem gone = new RetrieveItem(UIDs.CTImageStorage, "1.2.3.999", UIDs.ExplicitVRLittleEndian,
                dir.resolve("missing.dcm"));
        items = List.of(gone, good);

        DimseResponse done = get(Files.createDirectory(dir.resolve("received")), true, null);

        assertEquals(Status.WARNING_SUB_OPERATIONS_FAILED, done.status());
        assertEquals(1, done.command().getInt(Command.NUMBER_OF_COMPLETED_SUBOPERATIONS, -1));
        assertEquals(1, done.command().getInt(Command.NUMBER_OF_FAILED_SUBOPERATIONS, -1));
        assertArrayEquals(new String[] {"1.2.3.999"}, done.dataset().getStrings(Tags.FailedSOPInstanceUIDList));
    }

    @Test
    void cGetWithoutTheScpRoleFailsEveryInstanceWithA702() throws Exception {
        items = List.of(item("a", UIDs.ExplicitVRLittleEndian), item("b", UIDs.ExplicitVRLittleEndian));
        Path received = Files.createDirectory(dir.resolve("received"));

        DimseResponse done = get(received, false, null);

        assertEquals(Status.OUT_OF_RESOURCES_SUB_OPERATIONS, done.status());
        assertEquals(2, done.command().getInt(Command.NUMBER_OF_FAILED_SUBOPERATIONS, -1));
        assertEquals(2, done.dataset().getStrings(Tags.FailedSOPInstanceUIDList).length);
        try (var files = Files.list(received)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void cCancelStopsTheSubOperationsWithFe00AndTheRemainingCount() throws Exception {
        List<RetrieveItem> three = List.of(item("a", UIDs.ExplicitVRLittleEndian),
                item("b", UIDs.ExplicitVRLittleEndian), item("c", UIDs.ExplicitVRLittleEndian));
        // An archive whose second sub-operation lasts until the requester's C-CANCEL has arrived.
        DimseServices services = new DimseServices().register(GET, rq -> SubOperations.run(rq, three, item -> {
            for (int i = 0; i < 500 && item != three.get(0) && !rq.isCancelled(); i++) {
                sleep();
            }
            return Status.SUCCESS;
        }));
        int port = start(new AcceptPolicy().accept(GET, UIDs.ExplicitVRLittleEndian), services);
        AssociateRequest rq = new AssociateRequest();
        rq.setCalledAeTitle("ARCHIVE");
        rq.addPresentationContext(GET, UIDs.ExplicitVRLittleEndian);
        DimseChannel ch = DimseChannel.open("127.0.0.1", port, null, rq, new AssociationOptions(),
                new DimseServices(), executor);
        try {
            int pc = ch.requireContext(GET, null);
            DimseResponse done = DimseChannel.await(ch.get(pc, GET, studyKeys(), pending -> {
                try {
                    ch.cancel(pc, pending.command().getInt(Command.MESSAGE_ID_BEING_RESPONDED_TO, -1));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertEquals(Status.CANCEL, done.status());
            // The cancel lands either before the second sub-operation starts or while it runs: either way the
            // third never runs, and the counts add up.
            int remaining = done.command().getInt(Command.NUMBER_OF_REMAINING_SUBOPERATIONS, -1);
            int completed = done.command().getInt(Command.NUMBER_OF_COMPLETED_SUBOPERATIONS, -1);
            assertTrue(remaining >= 1 && completed >= 1, "remaining " + remaining + ", completed " + completed);
            assertEquals(3, remaining + completed);
        } finally {
            ch.release();
        }
    }

    @Test
    void cMoveSendsEachInstanceToTheDestinationNamingTheOriginator() throws Exception {
        RetrieveItem explicit = item("explicit", UIDs.ExplicitVRLittleEndian);
        RetrieveItem implicit = item("implicit", UIDs.ImplicitVRLittleEndian);
        items = List.of(explicit, implicit);
        Map<String, byte[]> arrived = new ConcurrentHashMap<>();
        List<String> originators = new CopyOnWriteArrayList<>();
        destinationPort = destination(arrived, originators);

        DimseResponse done = move();

        assertEquals(Status.SUCCESS, done.status());
        assertEquals(2, done.command().getInt(Command.NUMBER_OF_COMPLETED_SUBOPERATIONS, -1));
        int messageId = done.command().getInt(Command.MESSAGE_ID_BEING_RESPONDED_TO, -1);
        assertEquals(List.of("MOVER/" + messageId, "MOVER/" + messageId), originators);
        // Both travel in their stored transfer syntax, verbatim.
        assertArrayEquals(datasetBytes(explicit.file()),
                arrived.get(explicit.sopInstanceUid() + " " + UIDs.ExplicitVRLittleEndian));
        assertArrayEquals(datasetBytes(implicit.file()),
                arrived.get(implicit.sopInstanceUid() + " " + UIDs.ImplicitVRLittleEndian));
        assertEquals(1, associations.get());
    }

    @Test
    void cMoveOfMoreSopClassesThan128ContextsHoldUsesOneAssociationPerRun() throws Exception {
        List<RetrieveItem> many = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            many.add(item("class" + i, "1.2.840.10008.5.1.4.1.1.9999." + i, UIDs.ExplicitVRLittleEndian));
        }
        items = many;
        Map<String, byte[]> arrived = new ConcurrentHashMap<>();
        destinationPort = destination(arrived, new CopyOnWriteArrayList<>());

        DimseResponse done = move();

        assertEquals(Status.SUCCESS, done.status());
        assertEquals(70, done.command().getInt(Command.NUMBER_OF_COMPLETED_SUBOPERATIONS, -1));
        assertEquals(70, arrived.size());
        assertEquals(2, associations.get());
    }

    @Test
    void cMoveToADestinationThatDoesNotAnswerFailsEverySubOperationWithA702() throws Exception {
        items = List.of(item("a", UIDs.ExplicitVRLittleEndian), item("b", UIDs.ExplicitVRLittleEndian));
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            destinationPort = closed.getLocalPort();
        }

        DimseResponse done = move();

        assertEquals(Status.OUT_OF_RESOURCES_SUB_OPERATIONS, done.status());
        assertEquals(2, done.command().getInt(Command.NUMBER_OF_FAILED_SUBOPERATIONS, -1));
        assertEquals(2, done.dataset().getStrings(Tags.FailedSOPInstanceUIDList).length);
    }

    /** A storage SCP recording each data set (by SOP Instance UID and transfer syntax) and its move originator. */
    private int destination(Map<String, byte[]> arrived, List<String> originators) throws IOException {
        return start(new AcceptPolicy().acceptFamily(AcceptPolicy.STORAGE_CLASSES,
                AcceptPolicy.ANY_TRANSFER_SYNTAX), new DimseServices().registerFamily(AcceptPolicy.STORAGE_CLASSES,
                rq -> {
                    originators.add(rq.command().getString(Command.MOVE_ORIGINATOR_AE_TITLE) + "/"
                            + rq.command().getInt(Command.MOVE_ORIGINATOR_MESSAGE_ID, -1));
                    arrived.put(rq.command().getString(Command.AFFECTED_SOP_INSTANCE_UID) + " " + rq.transferSyntax(),
                            rq.dataStream().readAllBytes());
                    rq.respond(Status.SUCCESS);
                }));
    }

    private DimseResponse move() throws IOException {
        AssociateRequest rq = new AssociateRequest();
        rq.setCallingAeTitle("MOVER");
        rq.setCalledAeTitle("ARCHIVE");
        rq.addPresentationContext(MOVE, UIDs.ExplicitVRLittleEndian);
        DimseChannel ch = DimseChannel.open("127.0.0.1", servers.get(0).port(), null, rq, new AssociationOptions(),
                new DimseServices(), executor);
        try {
            return DimseChannel.await(ch.move(ch.requireContext(MOVE, null), MOVE, "DEST", studyKeys(), null));
        } finally {
            ch.release();
        }
    }

    private DimseResponse get(Path received, boolean scpRole, List<Integer> remaining) throws IOException {
        AssociateRequest rq = new AssociateRequest();
        rq.setCalledAeTitle("ARCHIVE");
        rq.addPresentationContext(GET, UIDs.ExplicitVRLittleEndian);
        rq.addPresentationContext(UIDs.CTImageStorage, UIDs.ExplicitVRLittleEndian);
        if (scpRole) {
            rq.roleSelections().add(new RoleSelection(UIDs.CTImageStorage, false, true));
        }
        DimseChannel ch = DimseChannel.open("127.0.0.1", servers.get(0).port(), null, rq, new AssociationOptions(),
                new DimseServices().registerFamily(AcceptPolicy.STORAGE_CLASSES, new FolderStorage(received, false,
                        null)), executor);
        try {
            return DimseChannel.await(ch.get(ch.requireContext(GET, null), GET, studyKeys(), pending -> {
                if (remaining != null) {
                    remaining.add(pending.command().getInt(Command.NUMBER_OF_REMAINING_SUBOPERATIONS, -1));
                }
            }));
        } finally {
            ch.release();
        }
    }

    /** A copy of CT_small with its own SOP Instance UID, stored in {@code transferSyntax}. */
    private RetrieveItem item(String name, String transferSyntax) throws IOException {
        return item(name, UIDs.CTImageStorage, transferSyntax);
    }

    /** The same, claiming {@code sopClass} in its File Meta Information and C-STORE. */
    private RetrieveItem item(String name, String sopClass, String transferSyntax) throws IOException {
        DicomFile ct = Part10.read(CT);
        String uid = "1.2.826.0.1.3680043.2.1143." + Math.abs((long) name.hashCode()) + "." + System.nanoTime();
        ct.dataset().setString(Tags.SOPInstanceUID, uid);
        Path file = dir.resolve(name + ".dcm");
        Part10.write(file, FileMetaInformation.create(sopClass, uid, transferSyntax), ct.dataset());
        return new RetrieveItem(sopClass, uid, transferSyntax, file);
    }

    private static Dataset studyKeys() {
        Dataset keys = new Dataset();
        keys.setString(Tags.QueryRetrieveLevel, "STUDY");
        keys.setString(Tags.StudyInstanceUID, "1.2.3");
        return keys;
    }

    private static byte[] datasetBytes(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return java.util.Arrays.copyOfRange(all, (int) Part10Source.open(file).datasetOffset(), all.length);
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
