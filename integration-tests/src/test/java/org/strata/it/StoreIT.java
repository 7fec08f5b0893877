package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dimse.FileSender;
import org.strata.dicom.dimse.Part10Source;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.DicomWriter;
import org.strata.dicom.io.FileMetaInformation;
import org.strata.dicom.io.Part10;

/** C-STORE into the running archive: real senders, real files, what lands on the hot tier. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StoreIT {
    private static final Path CT = Dicom.PYDICOM_DATA.resolve("test_files/CT_small.dcm");

    private final Path hot = Dicom.hotTier(System.getProperty("it.database"));

    @Test
    void dcmsendStoresEveryPydicomFileAndTheStoredDataSetIsTheSentOne(@TempDir Path reference) throws Exception {
        // DCMTK re-encodes some files as it sends them (deflate, trailing padding, group lengths), so what was sent
        // is what DCMTK's own storescp receives, bit-preserved, from the same dcmsend run.
        int referencePort = StandaloneServer.freePort();
        ProcessBuilder storescp = new ProcessBuilder("storescp", "+B", "+xa", "--unique-filenames", "-od", reference.toString(),
                "-aet", "STRATA", String.valueOf(referencePort)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        storescp.environment().put("TCP_NODELAY", "1");
        Process receiver = storescp.start();
        try {
            Thread.sleep(1000); // storescp binds at once; give it a moment to listen
            dcmsendCorpus(referencePort);
        } finally {
            receiver.destroy();
            receiver.waitFor(30, TimeUnit.SECONDS);
        }
        dcmsendCorpus(StrataServer.DICOM_PORT);

        Map<String, List<Path>> sentByUid = new HashMap<>();
        try (Stream<Path> received = Files.list(reference)) {
            for (Path file : received.toList()) {
                sentByUid.computeIfAbsent(Part10Source.open(file).sopInstanceUid(), k -> new ArrayList<>()).add(file);
            }
        }
        Map<String, Path> stored = storedByUid();
        int checked = 0;
        for (Path sendable : sendableFiles()) {
            String uid = Part10Source.open(sendable).sopInstanceUid();
            Path file = stored.get(uid);
            if (file == null) {
                fail("not stored: " + sendable);
            }
            // Several pydicom files share a SOP Instance UID; whichever arrived first is the one stored.
            byte[] dataset = Dicom.datasetBytes(file);
            boolean same = false;
            for (Path sent : sentByUid.getOrDefault(uid, List.of())) {
                same |= Arrays.equals(Dicom.datasetBytes(sent), dataset);
            }
            assertTrue(same, "stored data set differs from what was sent: " + file);
            checked++;
        }
        assertTrue(checked > 100, "only " + checked + " files were checked");
        assertFalse(Files.list(hot.resolve(".incoming")).findAny().isPresent(), "leftovers in .incoming");
    }

    private static void dcmsendCorpus(int port) throws IOException, InterruptedException {
        ProcessBuilder command = new ProcessBuilder("dcmsend", "-aec", "STRATA", "--scan-directories", "--recurse",
                "--no-halt", "--decompress-never", "127.0.0.1", String.valueOf(port),
                Dicom.PYDICOM_DATA.resolve("test_files").toString(), Dicom.PYDICOM_DATA.resolve("charset_files").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        command.environment().put("TCP_NODELAY", "1"); // else DCMTK waits ~50 ms per message
        Process dcmsend = command.start();
        assertTrue(dcmsend.waitFor(300, TimeUnit.SECONDS), "dcmsend did not finish");
    }

    @Test
    void theSameObjectTwiceIsAcknowledgedWithoutASecondCopy(@TempDir Path dir) throws Exception {
        Path file = copyWithNewUid(dir, "same.dcm", ds -> { });
        assertEquals(0, single(Dicom.send(StrataServer.DICOM_PORT, "STORE-IT", file)).status());
        assertEquals(0, single(Dicom.send(StrataServer.DICOM_PORT, "STORE-IT", file)).status());

        String uid = Part10Source.open(file).sopInstanceUid();
        assertEquals(1, filesOf(uid).size(), "one stored copy");
        assertArrayEquals(Dicom.datasetBytes(file), Dicom.datasetBytes(filesOf(uid).get(0)));
    }

    @Test
    void anotherObjectWithAStoredUidIsRefusedWith0111AndTheFirstStays(@TempDir Path dir) throws Exception {
        Path first = copyWithNewUid(dir, "first.dcm", ds -> { });
        Path second = dir.resolve("second.dcm");
        DicomFile read = Part10.read(first);
        read.dataset().setString(Tags.PatientName, "Other^Patient");
        Part10.write(second, read.meta(), read.dataset());

        assertEquals(0, single(Dicom.send(StrataServer.DICOM_PORT, "STORE-IT", first)).status());
        FileSender.Result refused = single(Dicom.send(StrataServer.DICOM_PORT, "STORE-IT", second));

        assertEquals(0x0111, refused.status());
        assertTrue(refused.errorComment().contains("SOP Instance UID"), refused.errorComment());
        String uid = Part10Source.open(first).sopInstanceUid();
        assertEquals(1, filesOf(uid).size());
        assertArrayEquals(Dicom.datasetBytes(first), Dicom.datasetBytes(filesOf(uid).get(0)));
    }

    @Test
    void aDataSetWithoutStudyUidIsRefusedWithA900AndNothingIsStored(@TempDir Path dir) throws Exception {
        Path file = copyWithNewUid(dir, "nostudy.dcm", ds -> ds.remove(Tags.StudyInstanceUID));
        FileSender.Result refused = single(Dicom.send(StrataServer.DICOM_PORT, "STORE-IT", file));

        assertEquals(0xA900, refused.status());
        assertEquals("data set has no Study Instance UID", refused.errorComment());
        assertTrue(filesOf(Part10Source.open(file).sopInstanceUid()).isEmpty());
    }

    @Test
    void aDataSetThatCannotBeParsedIsRefusedWithC000AndNothingIsStored(@TempDir Path dir) throws Exception {
        String uid = newUid();
        Path file = dir.resolve("garbage.dcm");
        try (var out = Files.newOutputStream(file)) {
            new DicomWriter(out).writeFileMetaInformation(
                    FileMetaInformation.create("1.2.840.10008.5.1.4.1.1.2", uid, "1.2.840.10008.1.2.1"));
            // An element header declaring far more bytes than follow.
            out.write(new byte[] {0x08, 0x00, 0x18, 0x00, 'U', 'I', (byte) 0xF0, 0x7F, '1', '.', '2'});
        }
        FileSender.Result refused = single(Dicom.send(StrataServer.DICOM_PORT, "STORE-IT", file));

        assertEquals(0xC000, refused.status());
        assertTrue(refused.errorComment().startsWith("cannot parse"), refused.errorComment());
        assertTrue(filesOf(uid).isEmpty());
    }

    private interface Edit {
        void apply(Dataset ds);
    }

    /** A copy of CT_small with a new SOP Instance UID (so tests never meet each other's objects), edited. */
    private static Path copyWithNewUid(Path dir, String name, Edit edit) throws IOException {
        DicomFile ct = Part10.read(CT);
        String uid = newUid();
        ct.dataset().setString(Tags.SOPInstanceUID, uid);
        edit.apply(ct.dataset());
        Path file = dir.resolve(name);
        Part10.write(file, FileMetaInformation.create(ct.meta().mediaStorageSopClassUid(), uid,
                ct.meta().transferSyntaxUid()), ct.dataset());
        return file;
    }

    private static String newUid() {
        return "2.25." + new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(UUID.randomUUID().getMostSignificantBits())
                .putLong(UUID.randomUUID().getLeastSignificantBits()).array());
    }

    private static FileSender.Result single(List<FileSender.Result> results) {
        assertEquals(1, results.size());
        FileSender.Result result = results.get(0);
        if (result.failure() != null) {
            throw new AssertionError("sending failed: " + result, result.failure());
        }
        return result;
    }

    private List<Path> filesOf(String sopInstanceUid) throws IOException {
        try (Stream<Path> files = Files.walk(hot)) {
            return files.filter(f -> f.getFileName().toString().startsWith(sopInstanceUid + ".")).toList();
        }
    }

    private Map<String, Path> storedByUid() throws IOException {
        Map<String, Path> stored = new HashMap<>();
        try (Stream<Path> files = Files.walk(hot)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".dcm")).toList()) {
                stored.put(Part10Source.open(f).sopInstanceUid(), f);
            }
        }
        return stored;
    }

    /**
     * The pydicom files the archive must store: Part 10 of a storage SOP class, readable to the end (by us and by
     * DCMTK), with the UIDs the archive needs, and the same SOP Instance UID in meta and data set.
     */
    private static List<Path> sendableFiles() throws IOException {
        List<Path> sendable = new ArrayList<>();
        for (Path f : corpus()) {
            try {
                Part10Source source = Part10Source.open(f);
                Dataset ds = Part10.read(f).dataset();
                boolean complete = source.sopClassUid().startsWith("1.2.840.10008.5.1.4.1.1.")
                        && source.sopInstanceUid().equals(ds.getString(Tags.SOPInstanceUID))
                        && ds.getString(Tags.StudyInstanceUID) != null
                        && ds.getString(Tags.SeriesInstanceUID) != null;
                if (complete && dcmsendCanRead(f)) {
                    sendable.add(f);
                }
            } catch (IOException notSendable) {
                // No meta, no UIDs, or broken: dcmsend does not send it either.
            }
        }
        return sendable;
    }

    private static List<Path> corpus() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(Dicom.PYDICOM_DATA.resolve("test_files")),
                Files.walk(Dicom.PYDICOM_DATA.resolve("charset_files")))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** DCMTK refuses some files we tolerate; those were never sent. */
    private static boolean dcmsendCanRead(Path f) throws IOException {
        try {
            Process p = new ProcessBuilder("dcmdump", "-q", "+E", f.toString()).redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
