package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.FileSender;
import org.strata.dicom.dimse.Part10Source;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.FileMetaInformation;
import org.strata.dicom.io.Part10;
import org.strata.dicom.json.BulkDataPolicy;
import org.strata.dicom.json.DicomJsonReader;
import org.strata.dicom.json.DicomJsonWriter;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationOptions;
import org.strata.dicom.xml.DicomXmlWriter;

/**
 * STOW-RS and WADO-RS against the running archive: pydicom's corpus stored over HTTP and read back byte for byte,
 * DICOM JSON with bulk data, transfer syntax conversion checked by pydicom, bulk data ranges, and every refusal.
 * Multipart bodies are built and split here by hand, independently of the server's own multipart code.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StowWadoIT {
    private static final Path TEST_FILES = Dicom.PYDICOM_DATA.resolve("test_files");
    private static final Path CT = TEST_FILES.resolve("CT_small.dcm");
    private static final String DICOM_PARTS = "multipart/related; type=\"application/dicom\"; boundary=";
    private static final String AS_STORED = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Path hot = Dicom.hotTier(System.getProperty("it.database"));

    /** One body part: headers and content. */
    private record Part(Map<String, String> headers, byte[] content) {
        static Part of(String type, String location, byte[] content) {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.put("Content-Type", type);
            if (location != null) {
                headers.put("Content-Location", location);
            }
            return new Part(headers, content);
        }
    }

    private enum Kind { VALID, BROKEN, HEADER_ONLY }

    @Test
    void everyCorpusObjectIsStoredAndComesBackByteForByteWhileBrokenOnesAreRefused(@TempDir Path dir)
            throws Exception {
        String writer = StrataServer.token("writer", "writer");
        String reader = StrataServer.token("reader", "reader");
        List<Path> corpus;
        try (Stream<Path> files = Files.walk(TEST_FILES)) {
            corpus = files.filter(Files::isRegularFile).sorted().toList();
        }
        Set<String> validUids = new HashSet<>();
        for (Path f : corpus) {
            if (kind(f) == Kind.VALID) {
                validUids.add(Part10Source.open(f).sopInstanceUid());
            }
        }
        List<Path> stored = new ArrayList<>();
        int broken = 0;
        for (Path original : corpus) {
            Kind kind = kind(original);
            if (kind == Kind.HEADER_ONLY || kind == Kind.VALID
                    && Part10Source.open(original).transferSyntaxUid().equals(UIDs.DeflatedExplicitVRLittleEndian)) {
                continue; // a broken data set after a good header is indexed by its header, as C-STORE does; a
                          // deflated one cannot get a new UID in place
            }
            // Valid objects go in as copies whose SOP Instance UID is replaced in place by a new one of the same
            // length: the data set bytes stay pydicom's, and the originals stay free for StoreIT's C-STOREs.
            Path f = kind == Kind.VALID ? withNewInstanceUid(original, dir) : original;
            HttpResponse<byte[]> response = stow("/dicom-web/studies", writer, Part.of("application/dicom", null,
                    Files.readAllBytes(f)));
            Dataset body = DicomJsonReader.read(new java.io.ByteArrayInputStream(response.body()));
            if (kind == Kind.BROKEN) {
                broken++;
                assertEquals(409, response.statusCode(), f + ": " + body);
                Dataset failed = single(body.getSequence(Tags.FailedSOPSequence), f);
                int reason = failed.getInt(Tags.FailureReason, -1);
                assertTrue(reason == 0xC000 || reason == 0xA900, f + ": reason " + Integer.toHexString(reason));
                assertNull(body.getSequence(Tags.ReferencedSOPSequence), f.toString());
                String metaUid = metaUid(f);
                if (metaUid != null && !validUids.contains(metaUid)) {
                    assertTrue(filesOf(metaUid).isEmpty(), "a refused object was stored: " + f);
                }
                continue;
            }
            assertEquals(200, response.statusCode(), original + ": " + body);
            Dataset referenced = single(body.getSequence(Tags.ReferencedSOPSequence), f);
            assertEquals(Part10Source.open(f).sopInstanceUid(), referenced.getString(Tags.ReferencedSOPInstanceUID));
            assertTrue(referenced.getString(Tags.RetrieveURL).endsWith(instancePath(f)), referenced.toString());
            stored.add(f);
        }
        assertTrue(stored.size() > 50, "only " + stored.size() + " objects stored");
        assertTrue(broken >= 5, "only " + broken + " broken files met");

        List<Path> storageClass = new ArrayList<>();
        for (Path f : stored) {
            HttpResponse<byte[]> response = get(instancePath(f), reader, AS_STORED, null);
            assertEquals(200, response.statusCode(), f.toString());
            List<Part> parts = parts(response);
            assertEquals(1, parts.size(), f.toString());
            String ts = Part10Source.open(f).transferSyntaxUid();
            assertEquals("application/dicom; transfer-syntax=" + ts, parts.get(0).headers().get("Content-Type"));
            assertArrayEquals(Dicom.datasetBytes(f), datasetBytes(parts.get(0).content()), "data set of " + f);
            if (Part10Source.open(f).sopClassUid().startsWith("1.2.840.10008.5.1.4.1.1.")) {
                storageClass.add(f);
            }
        }
        // What STOW stored is what C-STORE stores: the same objects again over DICOM are the same file (not 0111).
        List<String> different = Dicom.send(StrataServer.DICOM_PORT, "STOW-IT", storageClass.toArray(Path[]::new))
                .stream().filter(result -> result.status() != 0).map(FileSender.Result::toString).toList();
        assertEquals(List.of(), different);
    }

    @Test
    void aStudyComesBackAsOnePartPerInstanceAndTheDefaultSyntaxIsExplicitLittleEndian(@TempDir Path dir)
            throws Exception {
        String study = Dicom.newUid();
        Path first = ctCopy(dir, study);
        Path second = ctCopy(dir, study);
        HttpResponse<byte[]> stored = stow("/dicom-web/studies/" + study, StrataServer.token("writer", "writer"),
                Part.of("application/dicom", null, Files.readAllBytes(first)),
                Part.of("application/dicom", null, Files.readAllBytes(second)));
        assertEquals(200, stored.statusCode());
        Dataset body = DicomJsonReader.read(new java.io.ByteArrayInputStream(stored.body()));
        assertTrue(body.getString(Tags.RetrieveURL).endsWith("/dicom-web/studies/" + study));
        assertEquals(2, body.getSequence(Tags.ReferencedSOPSequence).size());

        HttpResponse<byte[]> response = get("/dicom-web/studies/" + study, StrataServer.token("reader", "reader"),
                null, null);
        assertEquals(200, response.statusCode());
        String contentType = response.headers().firstValue("Content-Type").orElse("").replace(" ", "");
        assertTrue(contentType.startsWith("multipart/related;") && contentType.contains("type=\"application/dicom\""),
                contentType);
        List<Part> parts = parts(response);
        assertEquals(2, parts.size());
        Set<String> uids = new HashSet<>();
        for (Part part : parts) {
            assertEquals("application/dicom; transfer-syntax=" + UIDs.ExplicitVRLittleEndian,
                    part.headers().get("Content-Type"));
            uids.add(Part10Source.open(write(dir, part.content())).sopInstanceUid());
        }
        assertEquals(Set.of(Part10Source.open(first).sopInstanceUid(), Part10Source.open(second).sopInstanceUid()), uids);
    }

    @Test
    void rleIsConvertedToExplicitLittleEndianWithThePixelsPydicomDecodes(@TempDir Path dir) throws Exception {
        Path rle = TEST_FILES.resolve("MR_small_RLE.dcm");
        Path copy = copyWithNewUids(rle, dir, Dicom.newUid());
        assertEquals(200, stow("/dicom-web/studies", StrataServer.token("writer", "writer"),
                Part.of("application/dicom", null, Files.readAllBytes(copy))).statusCode());
        HttpResponse<byte[]> response = get(instancePath(copy), StrataServer.token("reader", "reader"),
                "multipart/related; type=\"application/dicom\"; transfer-syntax=" + UIDs.ExplicitVRLittleEndian, null);
        assertEquals(200, response.statusCode());
        Path converted = write(dir, parts(response).get(0).content());
        assertEquals(UIDs.ExplicitVRLittleEndian, Part10Source.open(converted).transferSyntaxUid());
        String script = "import sys, numpy, pydicom\n"
                + "a = pydicom.dcmread(sys.argv[1]); b = pydicom.dcmread(sys.argv[2])\n"
                + "assert a.file_meta.TransferSyntaxUID == '" + UIDs.ExplicitVRLittleEndian + "'\n"
                + "assert numpy.array_equal(a.pixel_array, b.pixel_array), 'pixels differ'\n"
                + "print('same', a.pixel_array.shape)\n";
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", script, converted.toString(), rle.toString())
                .redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), "pydicom (/usr/bin/python3 with python3-pydicom) says: " + output);
        assertTrue(output.startsWith("same"), output);
    }

    @Test
    void jpegCannotBeConvertedToWhatIsAskedSo406(@TempDir Path dir) throws Exception {
        Path jpeg = copyWithNewUids(TEST_FILES.resolve("JPEG-lossy.dcm"), dir, Dicom.newUid());
        assertEquals(200, stow("/dicom-web/studies", StrataServer.token("writer", "writer"),
                Part.of("application/dicom", null, Files.readAllBytes(jpeg))).statusCode());
        String reader = StrataServer.token("reader", "reader");
        HttpResponse<byte[]> refused = get(instancePath(jpeg), reader,
                "multipart/related; type=\"application/dicom\"; transfer-syntax=" + UIDs.ExplicitVRLittleEndian, null);
        assertEquals(406, refused.statusCode());
        assertTrue(text(refused).contains("cannot be converted"), text(refused));
        // Without a named syntax PS3.18 8.7.3.4 lets lossy data go as stored.
        HttpResponse<byte[]> asStored = get(instancePath(jpeg), reader, null, null);
        assertEquals(200, asStored.statusCode());
        assertArrayEquals(Dicom.datasetBytes(jpeg), datasetBytes(parts(asStored).get(0).content()));
        assertEquals(406, get(instancePath(jpeg), reader, "application/dicom+json", null).statusCode());
    }

    @Test
    void dicomJsonWithABulkDataPartIsStoredAsTheDataSetItDescribes(@TempDir Path dir) throws Exception {
        DicomFile ct = Part10.read(ctCopy(dir, Dicom.newUid()));
        Dataset dataset = ct.dataset();
        List<String> bulkPaths = new ArrayList<>();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        DicomJsonWriter.write(dataset, json, BulkDataPolicy.uris(30_000, (path, vr) -> {
            bulkPaths.add(path);
            return "bulk/" + path;
        }), false);
        assertEquals(List.of("7FE00010"), bulkPaths);
        byte[] pixels = dataset.getBytes(Tags.PixelData);
        HttpResponse<byte[]> response = stow("/dicom-web/studies", "application/dicom+json",
                StrataServer.token("writer", "writer"), "application/dicom+xml",
                Part.of("application/dicom+json", null, json.toByteArray()),
                Part.of("application/octet-stream", "bulk/7FE00010", pixels));
        assertEquals(200, response.statusCode(), text(response));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/dicom+xml"));
        assertTrue(text(response).contains("NativeDicomModel"), text(response));

        String path = "/dicom-web/studies/" + dataset.getString(Tags.StudyInstanceUID) + "/series/"
                + dataset.getString(Tags.SeriesInstanceUID) + "/instances/" + dataset.getString(Tags.SOPInstanceUID);
        HttpResponse<byte[]> back = get(path, StrataServer.token("reader", "reader"), AS_STORED, null);
        assertEquals(200, back.statusCode());
        Dataset stored = Part10.read(write(dir, parts(back).get(0).content())).dataset();
        assertArrayEquals(pixels, stored.getBytes(Tags.PixelData));
        assertEquals(dataset.getString(Tags.PatientName), stored.getString(Tags.PatientName));
        assertEquals(dataset.getString(Tags.ImagePositionPatient), stored.getString(Tags.ImagePositionPatient));

        Dataset xmlCopy = dataset.deepCopy();
        xmlCopy.setString(Tags.SOPInstanceUID, VR.UI, Dicom.newUid());
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        new DicomXmlWriter(xml, BulkDataPolicy.uris(30_000, (p, vr) -> "bulk/" + p), false).write(xmlCopy);
        HttpResponse<byte[]> fromXml = stow("/dicom-web/studies", "application/dicom+xml",
                StrataServer.token("writer", "writer"), null, Part.of("application/dicom+xml", null, xml.toByteArray()),
                Part.of("application/octet-stream", "bulk/7FE00010", pixels));
        assertEquals(200, fromXml.statusCode(), text(fromXml));
        String xmlPath = path.substring(0, path.lastIndexOf('/') + 1) + xmlCopy.getString(Tags.SOPInstanceUID);
        Dataset storedFromXml = Part10.read(write(dir, parts(get(xmlPath, StrataServer.token("reader", "reader"),
                AS_STORED, null)).get(0).content())).dataset();
        assertArrayEquals(pixels, storedFromXml.getBytes(Tags.PixelData));
        assertEquals(dataset.getString(Tags.PatientName), storedFromXml.getString(Tags.PatientName));

        HttpResponse<byte[]> missingBulk = stow("/dicom-web/studies", "application/dicom+json",
                StrataServer.token("writer", "writer"), null, Part.of("application/dicom+json", null,
                        json.toString(StandardCharsets.UTF_8).replace(dataset.getString(Tags.SOPInstanceUID),
                                Dicom.newUid()).getBytes(StandardCharsets.UTF_8)));
        assertEquals(409, missingBulk.statusCode(), text(missingBulk));
    }

    @Test
    void bulkDataComesWholeOrByRangeInLittleEndian(@TempDir Path dir) throws Exception {
        Path copy = ctCopy(dir, Dicom.newUid());
        assertEquals(200, stow("/dicom-web/studies", StrataServer.token("writer", "writer"),
                Part.of("application/dicom", null, Files.readAllBytes(copy))).statusCode());
        byte[] pixels = Part10.read(copy).dataset().getBytes(Tags.PixelData);
        String bulk = instancePath(copy) + "/bulk/7FE00010";
        String reader = StrataServer.token("reader", "reader");

        HttpResponse<byte[]> whole = get(bulk, reader, null, null);
        assertEquals(200, whole.statusCode());
        assertEquals("application/octet-stream", whole.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(pixels, whole.body());

        HttpResponse<byte[]> range = get(bulk, reader, "application/octet-stream", "bytes=100-199");
        assertEquals(206, range.statusCode());
        assertEquals("bytes 100-199/" + pixels.length, range.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(pixels, 100, 200), range.body());

        HttpResponse<byte[]> beyond = get(bulk, reader, null, "bytes=" + pixels.length + "-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + pixels.length, beyond.headers().firstValue("Content-Range").orElse(""));

        HttpResponse<byte[]> multipart = get(bulk, reader, "multipart/related; type=\"application/octet-stream\"", null);
        assertEquals(200, multipart.statusCode());
        assertArrayEquals(pixels, parts(multipart).get(0).content());

        assertEquals(404, get(instancePath(copy) + "/bulk/00091234", reader, null, null).statusCode());
        assertEquals(400, get(instancePath(copy) + "/bulk/7FE0", reader, null, null).statusCode());
    }

    @Test
    void refusalsSayWhyAndStoreNothing(@TempDir Path dir) throws Exception {
        String writer = StrataServer.token("writer", "writer");
        String study = Dicom.newUid();
        Path copy = ctCopy(dir, study);
        String uid = Part10Source.open(copy).sopInstanceUid();
        byte[] object = Files.readAllBytes(copy);

        assertEquals(401, stow("/dicom-web/studies", null, Part.of("application/dicom", null, object)).statusCode());
        assertEquals(403, stow("/dicom-web/studies", StrataServer.token("reader", "reader"),
                Part.of("application/dicom", null, object)).statusCode());
        HttpResponse<byte[]> notMultipart = post("/dicom-web/studies", writer, "application/dicom", null, object);
        assertEquals(415, notMultipart.statusCode());
        assertEquals("STOW-RS takes multipart/related, not application/dicom\n", text(notMultipart));
        assertEquals(415, stow("/dicom-web/studies", "image/png", writer, null,
                Part.of("image/png", null, object)).statusCode());

        // A body cut off inside its second part: nothing of it is stored, not even the complete first part.
        byte[] whole = multipart("cut", List.of(Part.of("application/dicom", null, object),
                Part.of("application/dicom", null, object)));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 200);
        HttpResponse<byte[]> malformed = post("/dicom-web/studies", writer, DICOM_PARTS + "cut", null, truncated);
        assertEquals(400, malformed.statusCode());
        assertTrue(text(malformed).startsWith("malformed multipart body: "), text(malformed));
        assertFalse(text(malformed).strip().contains("\n"));
        assertEquals(0, studiesFound(study));
        assertTrue(filesOf(uid).isEmpty());

        HttpResponse<byte[]> otherStudy = stow("/dicom-web/studies/" + Dicom.newUid(), writer,
                Part.of("application/dicom", null, object));
        assertEquals(409, otherStudy.statusCode());
        Dataset failed = DicomJsonReader.read(new java.io.ByteArrayInputStream(otherStudy.body()))
                .getSequence(Tags.FailedSOPSequence).get(0);
        assertEquals(0xA900, failed.getInt(Tags.FailureReason, -1));
        assertEquals(uid, failed.getString(Tags.ReferencedSOPInstanceUID));
        assertEquals(0, studiesFound(study));

        HttpResponse<byte[]> partly = stow("/dicom-web/studies", writer, Part.of("application/dicom", null, object),
                Part.of("application/dicom", null, "not DICOM".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(202, partly.statusCode());
        Dataset body = DicomJsonReader.read(new java.io.ByteArrayInputStream(partly.body()));
        assertEquals(1, body.getSequence(Tags.ReferencedSOPSequence).size());
        assertEquals(0xC000, body.getSequence(Tags.FailedSOPSequence).get(0).getInt(Tags.FailureReason, -1));
        assertEquals(1, studiesFound(study));

        HttpResponse<byte[]> unknown = get("/dicom-web/studies/" + Dicom.newUid(), writer, null, null);
        assertEquals(404, unknown.statusCode());
        assertTrue(text(unknown).startsWith("no study "), text(unknown));
        assertEquals(401, get("/dicom-web/studies/" + study, null, null, null).statusCode());
    }

    @Test
    void corsIsOffByDefault() throws Exception {
        HttpRequest preflight = HttpRequest.newBuilder(StrataServer.uri("/dicom-web/studies"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://viewer.example")
                .header("Access-Control-Request-Method", "POST")
                .build();
        HttpResponse<String> answer = HTTP.send(preflight, HttpResponse.BodyHandlers.ofString());
        assertEquals(403, answer.statusCode(), "a preflight needs no token, and no origin is allowed by default");
        assertTrue(answer.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpRequest get = HttpRequest.newBuilder(StrataServer.uri("/dicom-web/studies/" + Dicom.newUid()))
                .header("Origin", "http://viewer.example")
                .header("Authorization", "Bearer " + StrataServer.token("reader", "reader"))
                .build();
        HttpResponse<String> response = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    // ---------------------------------------------------------------- corpus

    /**
     * VALID: Part 10 with its UIDs, readable to the end, the same SOP Instance UID in meta and data set, with study
     * and series. BROKEN: no File Meta Information or its UIDs, a header that cannot be read, or those UIDs
     * missing or contradicting the meta. HEADER_ONLY: the rest, a readable header but a broken data set after it.
     */
    private static Kind kind(Path f) {
        Dataset header;
        try {
            Part10Source source = Part10Source.open(f);
            header = Part10.readHeader(f).dataset();
            if (!source.sopInstanceUid().equals(header.getString(Tags.SOPInstanceUID))
                    || header.getString(Tags.StudyInstanceUID) == null || header.getString(Tags.SeriesInstanceUID) == null
                    || header.getString(Tags.SOPClassUID) != null
                    && !header.getString(Tags.SOPClassUID).equals(source.sopClassUid())) {
                return Kind.BROKEN;
            }
        } catch (IOException e) {
            return Kind.BROKEN;
        }
        try {
            Part10.read(f);
            return Kind.VALID;
        } catch (IOException e) {
            return Kind.HEADER_ONLY;
        }
    }

    /** A copy with every occurrence of the SOP Instance UID replaced by a new UID of the same length. */
    private static Path withNewInstanceUid(Path original, Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(original);
        byte[] uid = Part10Source.open(original).sopInstanceUid().getBytes(StandardCharsets.US_ASCII);
        StringBuilder fresh = new StringBuilder("2.25.").append(1 + ThreadLocalRandom.current().nextInt(9));
        while (fresh.length() < uid.length) {
            fresh.append(ThreadLocalRandom.current().nextInt(10));
        }
        byte[] replacement = fresh.toString().getBytes(StandardCharsets.US_ASCII);
        for (int i = indexOf(bytes, uid, 0); i >= 0; i = indexOf(bytes, uid, i + uid.length)) {
            System.arraycopy(replacement, 0, bytes, i, uid.length);
        }
        return Files.write(dir.resolve(fresh + ".dcm"), bytes);
    }

    private static String metaUid(Path f) {
        try {
            return Part10Source.open(f).sopInstanceUid();
        } catch (IOException e) {
            return null;
        }
    }

    private static String instancePath(Path f) throws IOException {
        Dataset header = Part10.readHeader(f).dataset();
        return "/dicom-web/studies/" + header.getString(Tags.StudyInstanceUID) + "/series/"
                + header.getString(Tags.SeriesInstanceUID) + "/instances/" + header.getString(Tags.SOPInstanceUID);
    }

    private static int instanceUrlStatus(Path f, String token) throws IOException, InterruptedException {
        return get(instancePath(f), token, AS_STORED, null).statusCode();
    }

    /** A copy of CT_small with new series and instance UIDs in {@code study}. */
    private static Path ctCopy(Path dir, String study) throws IOException {
        return copyWithNewUids(CT, dir, study);
    }

    /** A copy of {@code source} in its own transfer syntax, with new series and instance UIDs in {@code study}. */
    private static Path copyWithNewUids(Path source, Path dir, String study) throws IOException {
        DicomFile ct = Part10.read(source);
        String uid = Dicom.newUid();
        ct.dataset().setString(Tags.SOPInstanceUID, VR.UI, uid);
        ct.dataset().setString(Tags.SeriesInstanceUID, VR.UI, Dicom.newUid());
        ct.dataset().setString(Tags.StudyInstanceUID, VR.UI, study);
        Path file = dir.resolve(uid + ".dcm");
        Part10.write(file, FileMetaInformation.create(ct.meta().mediaStorageSopClassUid(), uid,
                ct.meta().transferSyntaxUid()), ct.dataset());
        return file;
    }

    private List<Path> filesOf(String sopInstanceUid) throws IOException {
        try (Stream<Path> files = Files.walk(hot)) {
            return files.filter(f -> f.getFileName().toString().startsWith(sopInstanceUid + ".")).toList();
        }
    }

    /** Study Root C-FIND with the toolkit: how many studies of this UID the index has. */
    private static int studiesFound(String studyUid) throws IOException {
        AssociateRequest rq = new AssociateRequest();
        rq.setCallingAeTitle("STOW-IT");
        rq.setCalledAeTitle("STRATA");
        rq.addPresentationContext(UIDs.StudyRootQueryRetrieveInformationModelFind, UIDs.ExplicitVRLittleEndian);
        var executor = Executors.newCachedThreadPool();
        DimseChannel ch = DimseChannel.open("127.0.0.1", StrataServer.DICOM_PORT, null, rq, new AssociationOptions(),
                new DimseServices(), executor);
        try {
            Dataset keys = new Dataset();
            keys.setString(Tags.QueryRetrieveLevel, VR.CS, "STUDY");
            keys.setString(Tags.StudyInstanceUID, VR.UI, studyUid);
            int pc = ch.requireContext(UIDs.StudyRootQueryRetrieveInformationModelFind, null);
            List<Object> matches = new ArrayList<>();
            assertEquals(0, DimseChannel.await(ch.find(pc, UIDs.StudyRootQueryRetrieveInformationModelFind, keys,
                    matches::add)).status());
            return matches.size();
        } finally {
            ch.release();
            executor.shutdown();
        }
    }

    // ---------------------------------------------------------------- HTTP and multipart

    private static HttpResponse<byte[]> stow(String path, String token, Part... parts)
            throws IOException, InterruptedException {
        return stow(path, "application/dicom", token, null, parts);
    }

    private static HttpResponse<byte[]> stow(String path, String type, String token, String accept, Part... parts)
            throws IOException, InterruptedException {
        String boundary = "it-" + Dicom.newUid();
        return post(path, token, "multipart/related; type=\"" + type + "\"; boundary=" + boundary, accept,
                multipart(boundary, List.of(parts)));
    }

    private static HttpResponse<byte[]> post(String path, String token, String contentType, String accept, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(StrataServer.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(String path, String token, String accept, String range)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(StrataServer.uri(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (range != null) {
            request.header("Range", range);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] multipart(String boundary, List<Part> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            out.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (Map.Entry<String, String> h : part.headers().entrySet()) {
                out.write((h.getKey() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(part.content());
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Splits a multipart/related response at its boundary (RFC 2046), naively but independently of the server. */
    private static List<Part> parts(HttpResponse<byte[]> response) {
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        assertTrue(contentType.startsWith("multipart/related"), contentType);
        String boundary = contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
        byte[] body = response.body();
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[body.length + 2];
        data[0] = '\r';
        data[1] = '\n';
        System.arraycopy(body, 0, data, 2, body.length);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(data, delimiter, 0);
        assertTrue(at >= 0, "no boundary in the body");
        while (true) {
            int lineEnd = indexOf(data, "\r\n".getBytes(StandardCharsets.US_ASCII), at + delimiter.length);
            if (data[at + delimiter.length] == '-' && data[at + delimiter.length + 1] == '-') {
                return parts;
            }
            int headersEnd = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), lineEnd);
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line : new String(data, lineEnd + 2, headersEnd - lineEnd - 2, StandardCharsets.US_ASCII)
                    .split("\r\n")) {
                if (!line.isEmpty()) {
                    headers.put(line.substring(0, line.indexOf(':')).strip(), line.substring(line.indexOf(':') + 1).strip());
                }
            }
            int next = indexOf(data, delimiter, headersEnd + 4);
            assertTrue(next >= 0, "a part without a closing boundary");
            parts.add(new Part(headers, Arrays.copyOfRange(data, headersEnd + 4, next)));
            at = next;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] datasetBytes(byte[] part10) throws IOException {
        Path file = Files.createTempFile("wado", ".dcm");
        try {
            Files.write(file, part10);
            return Dicom.datasetBytes(file);
        } finally {
            Files.delete(file);
        }
    }

    private static Path write(Path dir, byte[] part10) throws IOException {
        return Files.write(Files.createTempFile(dir, "wado", ".dcm"), part10);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static Dataset single(Sequence sequence, Path f) {
        assertNotNull(sequence, f.toString());
        assertEquals(1, sequence.size(), f.toString());
        return sequence.get(0);
    }
}
