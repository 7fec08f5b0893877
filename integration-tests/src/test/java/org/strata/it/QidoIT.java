package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.ElementDictionary;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dimse.FileSender;
import org.strata.dicom.io.Part10;
import org.strata.dicom.json.BulkDataResolver;
import org.strata.dicom.json.DicomJsonReader;

/**
 * QIDO-RS against the running archive: for the same keys at each level, the answers equal what DCMTK's findscu
 * gets from the archive's C-FIND (which they share); relational searches, paging, XML, refusals and warnings.
 * The objects are copies of pydicom files with this run's UIDs and patient IDs, so other tests' objects never match.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QidoIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private static final String PATIENT_A = RUN + "-A";
    private static final String PATIENT_B = RUN + "-B";
    private static final String PATIENT_F = RUN + "-F";
    private static final String FUZZY_NAME = "Müller^Hans";

    private static List<Path> files;
    private static List<Dataset> stored;

    /** Patient A: a CT series of two and an MR study; patient B: an RT plan and a dose; patient F: a fuzzy name. */
    private static synchronized List<Dataset> stored() throws IOException {
        if (stored == null) {
            Path dir = Files.createTempDirectory("qido-it");
            Map<String, String> newUids = new HashMap<>();
            List<Path> copies = new ArrayList<>();
            String alpha = "Qido" + RUN + "^Alpha";
            String beta = "Qido" + RUN + "^Beta";
            copies.add(Dicom.copyForPatient(dir, "test_files/CT_small.dcm", PATIENT_A, alpha, newUids));
            copies.add(Dicom.copyForPatient(dir, "test_files/CT_small.dcm", PATIENT_A, alpha, newUids));
            copies.add(Dicom.copyForPatient(dir, "test_files/MR_small.dcm", PATIENT_A, alpha, newUids));
            copies.add(Dicom.copyForPatient(dir, "test_files/rtplan.dcm", PATIENT_B, beta, newUids));
            copies.add(Dicom.copyForPatient(dir, "test_files/rtdose.dcm", PATIENT_B, beta, newUids));
            copies.add(Dicom.copyForPatient(dir, "test_files/MR_small.dcm", PATIENT_F, FUZZY_NAME, new HashMap<>()));
            send(StrataServer.DICOM_PORT, copies);
            List<Dataset> read = new ArrayList<>();
            for (Path f : copies) {
                read.add(Part10.read(f).dataset());
            }
            files = copies;
            stored = read;
        }
        return stored;
    }

    private static void send(int port, List<Path> copies) throws IOException {
        for (FileSender.Result result : Dicom.send(port, "QIDO-IT", copies.toArray(Path[]::new))) {
            assertEquals(0, result.status(), "store failed: " + result);
        }
    }

    @BeforeEach
    void storeTheCopiesOnce() throws IOException {
        stored();
    }

    // ---------------------------------------------------------------- the two ways of asking

    /** QIDO-RS results as data sets, or an empty list for 204. */
    private static List<Dataset> qido(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = DicomWeb.get(pathAndQuery, null);
        if (response.statusCode() == 204) {
            assertEquals(0, response.body().length);
            return List.of();
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(200, response.statusCode(), pathAndQuery + ": " + body);
        return new DicomJsonReader(new StringReader(body), BulkDataResolver.NONE).readDatasets();
    }

    private static List<Dataset> findscu(int port, String... keys) throws IOException, InterruptedException {
        return Findscu.query(port, "QIDO-IT", "-S", null, keys);
    }

    /**
     * Asks both ways and compares, match by match (by the level's unique key), the values of the C-FIND keys. The
     * C-FIND keys are "Keyword" or "Keyword=value"; QIDO-RS gets the values as its query and every keyword as an
     * includefield.
     */
    private static List<Dataset> assertSameAnswers(String qidoPath, String level, String... keys) throws Exception {
        StringBuilder query = new StringBuilder();
        List<String> findKeys = new ArrayList<>(List.of("QueryRetrieveLevel=" + level));
        List<Integer> compared = new ArrayList<>();
        for (String key : keys) {
            int eq = key.indexOf('=');
            String keyword = eq < 0 ? key : key.substring(0, eq);
            compared.add(ElementDictionary.tagOf(keyword));
            query.append(query.length() == 0 ? "?" : "&").append(eq < 0 ? "includefield=" + keyword
                    : keyword + "=" + URLEncoder.encode(key.substring(eq + 1).replace('\\', ','), StandardCharsets.UTF_8));
            findKeys.add(key);
        }
        List<Dataset> qido = qido(qidoPath + query);
        List<Dataset> cfind = findscu(StrataServer.DICOM_PORT, findKeys.toArray(String[]::new));
        int unique = switch (level) {
            case "STUDY" -> Tags.StudyInstanceUID;
            case "SERIES" -> Tags.SeriesInstanceUID;
            default -> Tags.SOPInstanceUID;
        };
        assertEquals(values(cfind, unique, compared), values(qido, unique, compared), qidoPath + query);
        assertFalse(qido.isEmpty(), qidoPath + query + " matched nothing: a weak comparison");
        return qido;
    }

    /** For each match (by its unique key), the values of the compared keys. */
    private static Map<String, Map<Integer, List<String>>> values(List<Dataset> matches, int unique, List<Integer> tags) {
        Map<String, Map<Integer, List<String>>> values = new TreeMap<>();
        for (Dataset match : matches) {
            Map<Integer, List<String>> keys = new TreeMap<>();
            for (int tag : tags) {
                keys.put(tag, List.of(match.getStrings(tag)));
            }
            assertNotNull(match.getString(unique));
            values.put(match.getString(unique), keys);
        }
        return values;
    }

    private static String uid(int tag, String modality) throws IOException {
        return stored().stream().filter(ds -> modality.equals(ds.getString(Tags.Modality))
                && ds.getString(Tags.PatientID).startsWith(RUN + "-")).map(ds -> ds.getString(tag)).findFirst()
                .orElseThrow();
    }

    // ---------------------------------------------------------------- QIDO-RS equals C-FIND

    @Test
    void studiesOfAPatientWithComputedAttributes() throws Exception {
        assertSameAnswers("/studies", "STUDY", "PatientID=" + PATIENT_A, "StudyInstanceUID", "PatientName",
                "StudyDate", "StudyTime", "AccessionNumber", "ModalitiesInStudy", "NumberOfStudyRelatedSeries",
                "NumberOfStudyRelatedInstances", "ReferringPhysicianName");
    }

    @Test
    void wildcardOnNamesWhateverTheCase() throws Exception {
        List<Dataset> studies = assertSameAnswers("/studies", "STUDY", "PatientName=qido" + RUN.toLowerCase() + "*",
                "StudyInstanceUID", "PatientID");
        assertEquals(4, studies.size());
    }

    @Test
    void studyDateRange() throws Exception {
        assertSameAnswers("/studies", "STUDY", "PatientID=" + RUN + "-?", "StudyDate=20040101-20041231",
                "StudyInstanceUID");
        assertSameAnswers("/studies", "STUDY", "PatientID=" + RUN + "-?", "StudyDate=-20040630", "StudyInstanceUID");
    }

    @Test
    void listOfStudyUids() throws Exception {
        String ct = uid(Tags.StudyInstanceUID, "CT");
        String plan = uid(Tags.StudyInstanceUID, "RTPLAN");
        List<Dataset> studies = assertSameAnswers("/studies", "STUDY", "StudyInstanceUID=" + ct + "\\" + plan,
                "PatientID");
        assertEquals(2, studies.size());
    }

    @Test
    void seriesOfAStudy() throws Exception {
        String ct = uid(Tags.StudyInstanceUID, "CT");
        assertSameAnswers("/studies/" + ct + "/series", "SERIES", "StudyInstanceUID=" + ct, "Modality=CT",
                "SeriesInstanceUID", "SeriesNumber", "SeriesDescription", "NumberOfSeriesRelatedInstances");
    }

    /** Rows, Columns and ImageType have no index column: both answer them from the stored header copies. */
    @Test
    void instancesOfASeriesWithAttributesOutsideTheIndex() throws Exception {
        String study = uid(Tags.StudyInstanceUID, "CT");
        String series = uid(Tags.SeriesInstanceUID, "CT");
        List<Dataset> instances = assertSameAnswers("/studies/" + study + "/series/" + series + "/instances", "IMAGE",
                "StudyInstanceUID=" + study, "SeriesInstanceUID=" + series, "SOPInstanceUID", "SOPClassUID",
                "InstanceNumber", "Rows", "Columns", "ImageType", "KVP");
        assertEquals(2, instances.size());
        for (Dataset instance : instances) {
            assertEquals(128, instance.getInt(Tags.Rows, -1));
            assertEquals(List.of("ORIGINAL", "PRIMARY", "AXIAL"), List.of(instance.getStrings(Tags.ImageType)));
        }
    }

    // ---------------------------------------------------------------- relational searches, includefield=all

    @Test
    void seriesAndInstancesWithoutAStudyInThePath() throws Exception {
        Set<String> seriesOfA = stored().stream().filter(ds -> PATIENT_A.equals(ds.getString(Tags.PatientID)))
                .map(ds -> ds.getString(Tags.SeriesInstanceUID)).collect(Collectors.toCollection(TreeSet::new));
        List<Dataset> series = qido("/series?PatientID=" + PATIENT_A);
        assertEquals(seriesOfA, uids(series, Tags.SeriesInstanceUID));
        for (Dataset s : series) {
            // the study's attributes come with each series of a relational search
            assertEquals("Qido" + RUN + "^Alpha", s.getString(Tags.PatientName));
            assertTrue(s.getString(Tags.RetrieveURL).endsWith("/dicom-web/studies/" + s.getString(Tags.StudyInstanceUID)
                    + "/series/" + s.getString(Tags.SeriesInstanceUID)), s.getString(Tags.RetrieveURL));
        }
        Set<String> instancesOfB = stored().stream().filter(ds -> PATIENT_B.equals(ds.getString(Tags.PatientID)))
                .map(ds -> ds.getString(Tags.SOPInstanceUID)).collect(Collectors.toCollection(TreeSet::new));
        List<Dataset> instances = qido("/instances?PatientID=" + PATIENT_B + "&includefield=all");
        assertEquals(instancesOfB, uids(instances, Tags.SOPInstanceUID));
        Dataset plan = instances.stream().filter(ds -> "RTPLAN".equals(ds.getString(Tags.Modality))).findFirst()
                .orElseThrow();
        Dataset source = stored().stream().filter(ds -> "RTPLAN".equals(ds.getString(Tags.Modality))
                && PATIENT_B.equals(ds.getString(Tags.PatientID))).findFirst().orElseThrow();
        assertEquals(source.getString(Tags.RTPlanLabel), plan.getString(Tags.RTPlanLabel));
        assertEquals(source.getSequence(Tags.BeamSequence).size(), plan.getSequence(Tags.BeamSequence).size());
        String study = uid(Tags.StudyInstanceUID, "MR");
        assertEquals(Set.of(uid(Tags.SOPInstanceUID, "MR")),
                uids(qido("/studies/" + study + "/instances"), Tags.SOPInstanceUID));
    }

    private static Set<String> uids(List<Dataset> matches, int tag) {
        return matches.stream().map(ds -> ds.getString(tag)).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void limitAndOffsetGiveEveryMatchExactlyOnce() throws Exception {
        Set<String> all = uids(qido("/instances?PatientID=" + RUN + "-*"), Tags.SOPInstanceUID);
        assertEquals(stored().size(), all.size());
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < all.size() + 2; offset += 2) {
            List<Dataset> page = qido("/instances?PatientID=" + RUN + "-*&limit=2&offset=" + offset);
            assertTrue(page.size() <= 2);
            page.forEach(ds -> paged.add(ds.getString(Tags.SOPInstanceUID)));
        }
        assertEquals(all.size(), paged.size(), "a match came twice: " + paged);
        assertEquals(all, new TreeSet<>(paged));
    }

    /**
     * The computed attributes and header attributes of a page of several studies (read for the whole page at once)
     * belong each to its own study: counts and modalities as the stored objects give them, Manufacturer from the
     * study's first stored object; and a limit below the page size returns the first matches of the unlimited list.
     */
    @Test
    void eachMatchOfAPageGetsItsOwnComputedAndHeaderAttributes() throws Exception {
        String query = "/studies?PatientID=" + RUN + "-*&includefield=NumberOfStudyRelatedSeries,"
                + "NumberOfStudyRelatedInstances,ModalitiesInStudy,Manufacturer";
        List<Dataset> studies = qido(query);
        Map<String, List<Dataset>> objectsByStudy = stored().stream()
                .collect(Collectors.groupingBy(ds -> ds.getString(Tags.StudyInstanceUID), TreeMap::new,
                        Collectors.toList()));
        assertEquals(objectsByStudy.keySet(), uids(studies, Tags.StudyInstanceUID));
        assertTrue(objectsByStudy.size() >= 4, "too few studies for a page of several: " + objectsByStudy.keySet());
        for (Dataset study : studies) {
            List<Dataset> objects = objectsByStudy.get(study.getString(Tags.StudyInstanceUID));
            String what = study.getString(Tags.StudyInstanceUID);
            assertEquals(objects.stream().map(ds -> ds.getString(Tags.SeriesInstanceUID)).distinct().count(),
                    study.getInt(Tags.NumberOfStudyRelatedSeries, -1), what);
            assertEquals(objects.size(), study.getInt(Tags.NumberOfStudyRelatedInstances, -1), what);
            assertEquals(objects.stream().map(ds -> ds.getString(Tags.Modality)).collect(Collectors.toCollection(
                    TreeSet::new)), new TreeSet<>(List.of(study.getStrings(Tags.ModalitiesInStudy))), what);
            assertEquals(objects.get(0).getString(Tags.Manufacturer), study.getString(Tags.Manufacturer), what);
        }
        List<Dataset> series = qido("/series?PatientID=" + RUN + "-*&includefield=NumberOfSeriesRelatedInstances");
        for (Dataset s : series) {
            assertEquals(stored().stream().filter(ds -> ds.getString(Tags.SeriesInstanceUID)
                    .equals(s.getString(Tags.SeriesInstanceUID))).count(),
                    s.getInt(Tags.NumberOfSeriesRelatedInstances, -1), s.getString(Tags.SeriesInstanceUID));
        }
        List<String> firstThree = studies.subList(0, 3).stream().map(ds -> ds.getString(Tags.StudyInstanceUID)).toList();
        assertEquals(firstThree, qido(query + "&limit=3").stream().map(ds -> ds.getString(Tags.StudyInstanceUID))
                .toList());
    }

    @Test
    void multipartXmlAnswersParse() throws Exception {
        List<Dataset> parts = DicomWeb.xmlParts(DicomWeb.get("/studies?PatientID=" + PATIENT_A, DicomWeb.MULTIPART_XML));
        assertEquals(uids(qido("/studies?PatientID=" + PATIENT_A), Tags.StudyInstanceUID),
                uids(parts, Tags.StudyInstanceUID));
        assertEquals(2, parts.size());
    }

    // ---------------------------------------------------------------- no match, refusals, warnings

    @Test
    void nothingMatchingIs204() throws Exception {
        HttpResponse<byte[]> response = DicomWeb.get("/studies?PatientID=" + RUN + "-NONE", null);
        assertEquals(204, response.statusCode());
    }

    @Test
    void badQueriesAre400WithOneLineSayingWhy() throws Exception {
        Map<String, String> refusals = new TreeMap<>(Map.of(
                "/studies?NoSuchKeyword=1", "unknown query parameter NoSuchKeyword",
                "/studies?StudyDate=20041301", "StudyDate has an invalid date 20041301",
                "/studies?StudyDate=20050101-20040101", "StudyDate range ends before it starts",
                "/studies?StudyTime=25x", "StudyTime has an invalid time 25x",
                "/studies?limit=-1", "limit must be a whole number of at least 1",
                "/studies?fuzzymatching=maybe", "fuzzymatching must be true or false",
                "/instances?Rows=512", "Rows cannot be matched",
                "/studies?Modality=CT", "Modality is an attribute of the series level",
                "/studies?ReferencedStudySequence.ReferencedSOPInstanceUID=1", "matching within sequences"));
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            HttpResponse<byte[]> response = DicomWeb.get(refusal.getKey(), null);
            String body = new String(response.body(), StandardCharsets.UTF_8);
            assertEquals(400, response.statusCode(), refusal.getKey() + ": " + body);
            assertTrue(body.startsWith(refusal.getValue()) && body.indexOf('\n') == body.length() - 1,
                    refusal.getKey() + ": " + body);
        }
    }

    @Test
    void anUnknownIncludefieldIsAWarningNotARefusal() throws Exception {
        HttpResponse<byte[]> response = DicomWeb.get("/studies?PatientID=" + PATIENT_A
                + "&includefield=NoSuchKeyword,StudyDescription", null);
        assertEquals(200, response.statusCode());
        String warning = response.headers().firstValue("Warning").orElse("");
        assertTrue(warning.startsWith("299 ") && warning.contains("NoSuchKeyword"), warning);
    }

    // ---------------------------------------------------------------- fuzzy names

    /**
     * A name spelt otherwise matches with fuzzymatching=true (and not without); C-FIND finds the same when the
     * setting strata.query.fuzzy-names is on (a second server, holding the same object).
     */
    @Test
    void fuzzyNamesMatchAsC_FindDoesWithTheSettingOn() throws Exception {
        String query = "/studies?PatientID=" + PATIENT_F + "&PatientName=" + URLEncoder.encode("MUELER^hanz",
                StandardCharsets.UTF_8);
        assertTrue(qido(query).isEmpty());
        List<Dataset> fuzzy = qido(query + "&fuzzymatching=true");
        assertEquals(Set.of(uid(Tags.StudyInstanceUID, "MR", PATIENT_F)), uids(fuzzy, Tags.StudyInstanceUID));
        assertEquals(FUZZY_NAME, fuzzy.get(0).getString(Tags.PatientName));

        try (StandaloneServer server = StandaloneServer.start("qido-fuzzy", Map.of("strata.query.fuzzy-names", "true"))) {
            server.awaitBoot();
            send(server.dicomPort(), List.of(files.get(5)));
            List<Dataset> cfind = findscu(server.dicomPort(), "QueryRetrieveLevel=STUDY", "PatientID=" + PATIENT_F,
                    "PatientName=MUELER^hanz", "StudyInstanceUID");
            assertEquals(uids(fuzzy, Tags.StudyInstanceUID), uids(cfind, Tags.StudyInstanceUID));
        }
    }

    private static String uid(int tag, String modality, String patient) throws IOException {
        return stored().stream().filter(ds -> modality.equals(ds.getString(Tags.Modality))
                && patient.equals(ds.getString(Tags.PatientID))).map(ds -> ds.getString(tag)).findFirst().orElseThrow();
    }
}
