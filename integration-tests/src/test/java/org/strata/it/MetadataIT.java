package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dimse.FileSender;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.FileMetaInformation;
import org.strata.dicom.io.Part10;

/**
 * WADO-RS metadata against the running archive: every pydicom test file the archive stores comes back as pydicom's
 * own DICOM JSON of it; study and series metadata hold their instances, as JSON and as multipart XML; a store into
 * a study shows in its (cached) metadata at once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetadataIT {
    /** A bulk data path: tags (8 hex digits) with item indexes between, joined by '.'. */
    private static final Pattern BULK_PATH = Pattern.compile("[0-9A-F]{8}(\\.\\d+\\.[0-9A-F]{8})*");

    /** A stored copy of a test file, with the UIDs the copy has. */
    record Stored(Path file, String study, String series, String instance) {
        String path() {
            return "/studies/" + study + "/series/" + series + "/instances/" + instance;
        }
    }

    private static List<Stored> corpus;

    /**
     * Copies of every pydicom test file with the UIDs a stored object needs, each its own study with fresh UIDs
     * (the corpus reuses UIDs across different files), sent to the archive; those it stored.
     */
    private static synchronized List<Stored> corpus() throws IOException {
        if (corpus == null) {
            Path dir = Files.createTempDirectory("metadata-it");
            List<Stored> copies = new ArrayList<>();
            try (Stream<Path> files = Files.list(Dicom.PYDICOM_DATA.resolve("test_files"))) {
                for (Path source : files.filter(f -> f.toString().endsWith(".dcm")).sorted().toList()) {
                    Stored copy = copy(source, dir, Dicom.newUid(), Dicom.newUid());
                    if (copy != null) {
                        copies.add(copy);
                    }
                }
            }
            List<FileSender.Result> results = Dicom.send(StrataServer.DICOM_PORT, "METADATA-IT",
                    copies.stream().map(Stored::file).toArray(Path[]::new));
            List<Stored> stored = new ArrayList<>();
            for (int i = 0; i < copies.size(); i++) {
                if (results.get(i).status() == 0) {
                    stored.add(copies.get(i));
                }
            }
            assertTrue(stored.size() >= 40, "the archive stored only " + stored.size() + " of " + copies.size()
                    + " test files: " + results);
            corpus = stored;
        }
        return corpus;
    }

    /** A copy with new UIDs in the file's own transfer syntax, or null for a file the toolkit cannot copy. */
    private static Stored copy(Path source, Path dir, String study, String series) {
        try {
            DicomFile file = Part10.read(source);
            Dataset ds = file.dataset();
            if (file.meta() == null || ds.getString(Tags.SOPClassUID) == null) {
                return null;
            }
            String instance = Dicom.newUid();
            ds.setString(Tags.StudyInstanceUID, study);
            ds.setString(Tags.SeriesInstanceUID, series);
            ds.setString(Tags.SOPInstanceUID, instance);
            Path copy = dir.resolve(source.getFileName().toString().replace(".dcm", "") + "-" + instance + ".dcm");
            Part10.write(copy, FileMetaInformation.create(ds.getString(Tags.SOPClassUID), instance,
                    file.meta().transferSyntaxUid()), ds);
            return new Stored(copy, study, series, instance);
        } catch (IOException | RuntimeException e) {
            return null; // a broken test file: the archive's refusal of such files is StoreIT's business
        }
    }

    @Test
    void everyStoredTestFilesMetadataIsPydicomsJsonOfIt() throws Exception {
        List<Stored> stored = corpus();
        Map<String, JsonObject> reference = pydicomJson(stored);
        assertTrue(reference.size() >= 40, "pydicom converted only " + reference.size() + " files");
        List<String> differences = new ArrayList<>();
        for (Stored s : stored) {
            if (!reference.containsKey(s.file().toString())) {
                continue;
            }
            JsonArray answer = DicomWeb.jsonArray(DicomWeb.get(s.path() + "/metadata", null));
            assertEquals(1, answer.size(), s.file().toString());
            String bulkPrefix = StrataServer.uri("/dicom-web" + s.path() + "/bulk/").toString();
            Map<String, Object> ours = canonical(answer.getJsonObject(0), bulkPrefix);
            Map<String, Object> theirs = canonical(reference.get(s.file().toString()), null);
            diff(s.file().getFileName() + " ", theirs, ours, differences);
        }
        if (!differences.isEmpty()) {
            fail(differences.size() + " difference(s) from pydicom, first ones:\n"
                    + String.join("\n", differences.subList(0, Math.min(40, differences.size()))));
        }
    }

    @Test
    void largeValuesAreBulkDataUrisOfTheirElementPath() throws Exception {
        Stored ct = find("CT_small");
        JsonObject metadata = DicomWeb.jsonArray(DicomWeb.get(ct.path() + "/metadata", null)).getJsonObject(0);
        String instance = StrataServer.uri("/dicom-web" + ct.path()).toString();
        assertEquals(instance + "/bulk/7FE00010", metadata.getJsonObject("7FE00010").getString("BulkDataURI"));

        Stored ecg = find("waveform_ecg");
        JsonObject waveform = DicomWeb.jsonArray(DicomWeb.get(ecg.path() + "/metadata", null)).getJsonObject(0)
                .getJsonObject("54000100").getJsonArray("Value").getJsonObject(0);
        assertEquals(StrataServer.uri("/dicom-web" + ecg.path()) + "/bulk/54000100.0.54001010",
                waveform.getJsonObject("54001010").getString("BulkDataURI"));

        // the URIs lead to the values (WADO-RS bulk data)
        HttpResponse<byte[]> pixels = DicomWeb.get(URI.create(metadata.getJsonObject("7FE00010")
                .getString("BulkDataURI")), "application/octet-stream");
        assertEquals(200, pixels.statusCode());
        assertEquals(128 * 128 * 2, pixels.body().length);
        HttpResponse<byte[]> samples = DicomWeb.get(URI.create(waveform.getJsonObject("54001010")
                .getString("BulkDataURI")), "application/octet-stream");
        assertEquals(200, samples.statusCode());
        assertArrayEquals(Part10.read(ecg.file()).dataset().getSequence(Tags.WaveformSequence).get(0)
                .getBytes(Tags.WaveformData), samples.body());
    }

    private static Stored find(String name) throws IOException {
        return corpus().stream().filter(s -> s.file().getFileName().toString().startsWith(name + "-")).findFirst()
                .orElseThrow(() -> new AssertionError(name + " was not stored"));
    }

    @Test
    void studyAndSeriesMetadataHoldTheirInstancesAsJsonAndXmlAndAStoreShowsAtOnce() throws Exception {
        Path dir = Files.createTempDirectory("metadata-it");
        String study = Dicom.newUid();
        String ctSeries = Dicom.newUid();
        Path ct = Dicom.PYDICOM_DATA.resolve("test_files/CT_small.dcm");
        List<Stored> copies = new ArrayList<>(List.of(copy(ct, dir, study, ctSeries), copy(ct, dir, study, ctSeries),
                copy(Dicom.PYDICOM_DATA.resolve("test_files/MR_small.dcm"), dir, study, Dicom.newUid())));
        send(copies);

        assertEquals(uids(copies), uids(DicomWeb.jsonArray(DicomWeb.get("/studies/" + study + "/metadata", null))));
        assertEquals(uids(copies.subList(0, 2)), uids(DicomWeb.jsonArray(
                DicomWeb.get("/studies/" + study + "/series/" + ctSeries + "/metadata", DicomWeb.JSON))));
        List<Dataset> xml = DicomWeb.xmlParts(DicomWeb.get("/studies/" + study + "/metadata", DicomWeb.MULTIPART_XML));
        assertEquals(uids(copies), xml.stream().map(d -> d.getString(Tags.SOPInstanceUID))
                .collect(Collectors.toCollection(TreeSet::new)));
        Dataset mr = xml.stream().filter(d -> "MR".equals(d.getString(Tags.Modality))).findFirst().orElseThrow();
        assertEquals(Part10.read(copies.get(2).file()).dataset().getString(Tags.PatientName),
                mr.getString(Tags.PatientName));

        // the study's metadata is cached now; a store into the study must show at once
        Stored added = copy(ct, dir, study, ctSeries);
        send(List.of(added));
        copies.add(added);
        assertEquals(uids(copies), uids(DicomWeb.jsonArray(DicomWeb.get("/studies/" + study + "/metadata", null))));
    }

    @Test
    void unknownStudySeriesOrInstanceIs404AndAnUnservedMediaType406() throws Exception {
        Stored ct = find("CT_small");
        String unknown = Dicom.newUid();
        assertEquals(404, DicomWeb.get("/studies/" + unknown + "/metadata", null).statusCode());
        assertEquals(404, DicomWeb.get("/studies/" + ct.study() + "/series/" + unknown + "/metadata", null)
                .statusCode());
        HttpResponse<byte[]> response = DicomWeb.get("/studies/" + ct.study() + "/series/" + ct.series()
                + "/instances/" + unknown + "/metadata", null);
        assertEquals(404, response.statusCode());
        assertTrue(new String(response.body()).startsWith("no instance " + unknown), new String(response.body()));
        assertEquals(406, DicomWeb.get(ct.path() + "/metadata", "image/jpeg").statusCode());
    }

    /**
     * Not a test of speed (no assertion on time): the figure the brief asks for, in the test's output. Cold is the
     * first request after a store into the study (which drops the cached entry), warm a repeated one.
     */
    @Test
    void studyMetadataOf200InstancesColdAndWarm() throws Exception {
        Path dir = Files.createTempDirectory("metadata-it");
        String study = Dicom.newUid();
        String series = Dicom.newUid();
        Path ct = Dicom.PYDICOM_DATA.resolve("test_files/CT_small.dcm");
        List<Stored> copies = new ArrayList<>();
        for (int i = 0; i < 197; i++) {
            copies.add(copy(ct, dir, study, series));
        }
        send(copies);
        int coldRuns = 3;
        int warmRuns = 10;
        long coldNanos = 0;
        long warmNanos = 0;
        for (int run = 0; run < coldRuns; run++) {
            send(List.of(copy(ct, dir, study, series)));
            coldNanos += timedStudyMetadata(study, 198 + run);
            for (int i = 0; i < warmRuns; i++) {
                warmNanos += timedStudyMetadata(study, 198 + run);
            }
        }
        System.out.printf("FIGURE study metadata of ~200 CT_small instances: cold %.1f ms (mean of %d), warm %.1f ms"
                + " (mean of %d)%n", coldNanos / 1e6 / coldRuns, coldRuns, warmNanos / 1e6 / (coldRuns * warmRuns),
                coldRuns * warmRuns);
    }

    private static long timedStudyMetadata(String study, int instances) throws Exception {
        long start = System.nanoTime();
        JsonArray metadata = DicomWeb.jsonArray(DicomWeb.get("/studies/" + study + "/metadata", null));
        long nanos = System.nanoTime() - start;
        assertEquals(instances, metadata.size());
        return nanos;
    }

    private static void send(List<Stored> copies) throws IOException {
        for (FileSender.Result result : Dicom.send(StrataServer.DICOM_PORT, "METADATA-IT",
                copies.stream().map(Stored::file).toArray(Path[]::new))) {
            assertEquals(0, result.status(), "store failed: " + result);
        }
    }

    private static Set<String> uids(List<Stored> copies) {
        return copies.stream().map(Stored::instance).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> uids(JsonArray metadata) {
        Set<String> uids = new TreeSet<>();
        for (JsonValue dataset : metadata) {
            uids.add(dataset.asJsonObject().getJsonObject("00080018").getJsonArray("Value").getString(0));
        }
        return uids;
    }

    // ---------------------------------------------------------------- pydicom and the comparison

    private static Map<String, JsonObject> pydicomJson(List<Stored> stored)
            throws IOException, InterruptedException, URISyntaxException {
        Path script = Path.of(MetadataIT.class.getResource("/pydicom/metadata_json.py").toURI());
        Path out = Files.createTempFile("pydicom", ".json");
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), out.toString()));
        stored.forEach(s -> command.add(s.file().toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("/usr/bin/python3 with pydicom is needed (apt-get install python3-pydicom)", e);
        }
        String log = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "pydicom did not finish");
        assertEquals(0, process.exitValue(), log);
        Map<String, JsonObject> reference = new TreeMap<>();
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(out))) {
            reader.readObject().forEach((file, json) -> reference.put(file, json.asJsonObject()));
        }
        return reference;
    }

    /**
     * A data set's JSON with what may differ between two right answers taken out, as the toolkit's
     * JsonPydicomConformanceTest documents: group lengths (PS3.18 F.2.2 leaves them out; pydicom keeps them) and
     * "Value": [] of an empty element (F.2.5: no Value) dropped, numbers compared by value (FL as 32-bit floats:
     * pydicom widens them to doubles before printing), text without the spaces PS3.5 6.2 makes insignificant (pydicom
     * trims only the end of a whole element), empty values and empty PN groups as absent; binary values only as
     * "inline" or "uri" (pydicom keeps the file's byte order, and its bulk data URIs are placeholders). Our bulk data
     * URIs ({@code bulkPrefix} not null) must name the element's path under the instance.
     */
    private static Map<String, Object> canonical(JsonObject dataset, String bulkPrefix) {
        Map<String, Object> canonical = new TreeMap<>();
        dataset.forEach((key, value) -> {
            if (key.endsWith("0000")) {
                return;
            }
            JsonObject element = value.asJsonObject();
            Map<String, Object> e = new TreeMap<>();
            String vr = element.getString("vr");
            e.put("vr", vr);
            if (element.containsKey("Value") && !element.getJsonArray("Value").isEmpty()) {
                List<Object> values = new ArrayList<>();
                for (JsonValue v : element.getJsonArray("Value")) {
                    values.add("SQ".equals(vr) ? canonical(v.asJsonObject(), bulkPrefix) : canonicalValue(v, vr));
                }
                e.put("Value", values);
            }
            if (element.containsKey("InlineBinary")) {
                e.put("binary", "inline");
            }
            if (element.containsKey("BulkDataURI")) {
                e.put("binary", "uri");
                String uri = element.getString("BulkDataURI");
                if (bulkPrefix != null) {
                    assertTrue(uri.startsWith(bulkPrefix) && BULK_PATH.matcher(uri.substring(bulkPrefix.length()))
                            .matches() && uri.endsWith(key), uri);
                }
            }
            canonical.put(key, e);
        });
        return canonical;
    }

    private static Object canonicalValue(JsonValue value, String vr) {
        if (value instanceof JsonNumber number) {
            return "FL".equals(vr) ? Float.toString(Float.parseFloat(number.toString()))
                    : number.bigDecimalValue().stripTrailingZeros().toPlainString();
        }
        if (value instanceof JsonString text) {
            String trimmed = text.getString().replaceFirst(" +$", "");
            if (!Set.of("LT", "ST", "UT", "UC").contains(vr)) {
                trimmed = trimmed.replaceFirst("^ +", "");
            }
            return trimmed.isEmpty() ? null : trimmed;
        }
        if (value instanceof JsonObject name) {
            Map<String, Object> groups = new TreeMap<>();
            name.forEach((group, text) -> {
                Object canonical = canonicalValue(text, vr);
                if (canonical != null) {
                    groups.put(group, canonical);
                }
            });
            return groups.isEmpty() ? null : groups;
        }
        return value == JsonValue.NULL ? null : value.toString();
    }

    /**
     * Differences of two canonical data sets. pydicom gives UN elements the dictionary's VR (and parses some as
     * sequences); we keep the VR the file states, as dcmdump does: such elements are not compared. Encapsulated
     * Pixel Data is OB (PS3.5 A.4) though some files say OW, which pydicom keeps: its VR is not compared.
     */
    @SuppressWarnings("unchecked")
    private static void diff(String where, Map<String, Object> theirs, Map<String, Object> ours, List<String> out) {
        Set<String> keys = new TreeSet<>(theirs.keySet());
        keys.addAll(ours.keySet());
        for (String key : keys) {
            Map<String, Object> a = (Map<String, Object>) theirs.get(key);
            Map<String, Object> b = (Map<String, Object>) ours.get(key);
            if (a == null || b == null) {
                out.add(where + key + (a == null ? " only in ours: " + b : " missing; pydicom: " + a));
                continue;
            }
            if (!a.get("vr").equals(b.get("vr")) && ("UN".equals(a.get("vr")) || "UN".equals(b.get("vr")))) {
                continue;
            }
            if (key.equals("7FE00010")) {
                a = new TreeMap<>(a);
                b = new TreeMap<>(b);
                a.remove("vr");
                b.remove("vr");
            }
            if ("SQ".equals(a.get("vr")) && "SQ".equals(b.get("vr")) && a.get("Value") instanceof List<?> items
                    && b.get("Value") instanceof List<?> ourItems && items.size() == ourItems.size()) {
                for (int i = 0; i < items.size(); i++) {
                    diff(where + key + "/" + i + "/", (Map<String, Object>) items.get(i),
                            (Map<String, Object>) ourItems.get(i), out);
                }
            } else if (!a.equals(b)) {
                out.add(where + key + " pydicom " + a + " ours " + b);
            }
        }
    }
}
