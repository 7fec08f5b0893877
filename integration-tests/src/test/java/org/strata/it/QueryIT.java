package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.DimseChannel;
import org.strata.dicom.dimse.DimseResponse;
import org.strata.dicom.dimse.DimseServices;
import org.strata.dicom.dimse.FileSender;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.FileMetaInformation;
import org.strata.dicom.io.Part10;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationOptions;

/**
 * C-FIND against the running archive with DCMTK's findscu as the peer. The objects are copies of pydicom files with
 * UIDs and patient IDs of this run, so other tests' objects never match; what each query must return is worked out
 * from those copies, read back with the toolkit.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QueryIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private static final String PATIENT_A = RUN + "-A";
    private static final String PATIENT_B = RUN + "-B";
    private static final String PATIENT_C = RUN + "-C";
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "query-it");
        t.setDaemon(true);
        return t;
    });

    /** The copies this run stored, as the toolkit reads them back. */
    private static List<Dataset> stored;

    private static synchronized List<Dataset> stored() throws IOException {
        if (stored == null) {
            Path dir = Files.createTempDirectory("query-it");
            Map<String, String> newUids = new HashMap<>();
            List<Path> files = new ArrayList<>();
            // Patient A: a CT study with two images in one series, and an MR study. Patient B: an RT plan and an RT
            // dose in two studies. Patient C: a name in GB18030.
            files.add(copy(dir, "test_files/CT_small.dcm", PATIENT_A, "Qit" + RUN + "^Alpha", newUids));
            files.add(copy(dir, "test_files/CT_small.dcm", PATIENT_A, "Qit" + RUN + "^Alpha", newUids));
            files.add(copy(dir, "test_files/MR_small.dcm", PATIENT_A, "Qit" + RUN + "^Alpha", newUids));
            files.add(copy(dir, "test_files/rtplan.dcm", PATIENT_B, "Qit" + RUN + "^Beta", newUids));
            files.add(copy(dir, "test_files/rtdose.dcm", PATIENT_B, "Qit" + RUN + "^Beta", newUids));
            files.add(copy(dir, "charset_files/chrX2.dcm", PATIENT_C, null, newUids));
            for (FileSender.Result result : Dicom.send(StrataServer.DICOM_PORT, "QUERY-IT", files.toArray(Path[]::new))) {
                assertEquals(0, result.status(), "store failed: " + result);
            }
            List<Dataset> read = new ArrayList<>();
            for (Path f : files) {
                read.add(Part10.read(f).dataset());
            }
            stored = read;
        }
        return stored;
    }

    /** A copy of a pydicom file with this run's patient and fresh UIDs (the same original UID, the same new one). */
    private static Path copy(Path dir, String source, String patientId, String patientName, Map<String, String> newUids)
            throws IOException {
        DicomFile file = Part10.read(Dicom.PYDICOM_DATA.resolve(source));
        Dataset ds = file.dataset();
        ds.setString(Tags.PatientID, patientId);
        if (patientName != null) {
            ds.setString(Tags.PatientName, patientName);
        }
        for (int tag : new int[] {Tags.StudyInstanceUID, Tags.SeriesInstanceUID}) {
            ds.setString(tag, newUids.computeIfAbsent(ds.getString(tag), k -> newUid()));
        }
        String iuid = newUid();
        ds.setString(Tags.SOPInstanceUID, iuid);
        Path copy = dir.resolve(iuid + ".dcm");
        Part10.write(copy, FileMetaInformation.create(file.meta().mediaStorageSopClassUid(), iuid,
                file.meta().transferSyntaxUid()), ds);
        return copy;
    }

    private static String newUid() {
        return "2.25." + new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(UUID.randomUUID().getMostSignificantBits())
                .putLong(UUID.randomUUID().getLeastSignificantBits()).array());
    }

    // ---------------------------------------------------------------- expected results, from the copies

    private static Set<String> expected(int tag, Predicate<Dataset> filter) throws IOException {
        return stored().stream().filter(filter).map(ds -> ds.getString(tag)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Predicate<Dataset> is(int tag, String value) {
        return ds -> value.equals(ds.getString(tag));
    }

    private static Predicate<Dataset> ofThisRun() {
        return ds -> ds.getString(Tags.PatientID).startsWith(RUN);
    }

    private static Set<String> returned(int tag, List<Dataset> responses) {
        return responses.stream().map(ds -> ds.getString(tag)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String studyOf(String sourceModality) throws IOException {
        return expected(Tags.StudyInstanceUID, is(Tags.Modality, sourceModality)).iterator().next();
    }

    // ---------------------------------------------------------------- findscu

    /** Runs findscu ("-S" study root, "-P" patient root) with the keys and reads the responses it extracted. */
    private static List<Dataset> findscu(String model, String... keys) throws IOException, InterruptedException {
        return findscu(StrataServer.DICOM_PORT, model, keys);
    }

    private static List<Dataset> findscu(int port, String model, String... keys)
            throws IOException, InterruptedException {
        return Findscu.query(port, "QUERY-IT", model, null, keys);
    }

    // ---------------------------------------------------------------- the tests

    @BeforeEach
    void storeTheCopiesOnce() throws IOException {
        stored();
    }

    @Test
    void studyLevelSingleValueMatchOnPatientIdReturnsThatPatientsStudies() throws Exception {
        List<Dataset> responses = findscu("-S", "QueryRetrieveLevel=STUDY", "PatientID=" + PATIENT_A,
                "StudyInstanceUID", "StudyDate");
        assertEquals(expected(Tags.StudyInstanceUID, is(Tags.PatientID, PATIENT_A)),
                returned(Tags.StudyInstanceUID, responses));
        for (Dataset response : responses) {
            assertEquals("STUDY", response.getString(Tags.QueryRetrieveLevel));
            assertEquals("STRATA", response.getString(Tags.RetrieveAETitle));
            assertEquals(PATIENT_A, response.getString(Tags.PatientID));
            // only the requested keys (and the two always returned) come back
            assertEquals(Set.of(Tags.QueryRetrieveLevel, Tags.RetrieveAETitle, Tags.PatientID, Tags.StudyInstanceUID,
                    Tags.StudyDate), Arrays.stream(response.tags()).boxed().collect(Collectors.toSet()));
        }
    }

    @Test
    void wildcardOnPatientNameMatchesWhateverTheCase() throws Exception {
        List<Dataset> responses = findscu("-S", "QueryRetrieveLevel=STUDY", "PatientName=qit" + RUN.toLowerCase() + "*",
                "StudyInstanceUID");
        assertEquals(expected(Tags.StudyInstanceUID, ds -> ds.getString(Tags.PatientName).startsWith("Qit" + RUN)),
                returned(Tags.StudyInstanceUID, responses));
        assertEquals(4, responses.size());
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() throws Exception {
        List<Dataset> responses = findscu("-S", "QueryRetrieveLevel=STUDY", "PatientID=" + RUN + "-?",
                "StudyInstanceUID");
        assertEquals(expected(Tags.StudyInstanceUID, ofThisRun()), returned(Tags.StudyInstanceUID, responses));
        assertTrue(findscu("-S", "QueryRetrieveLevel=STUDY", "PatientID=" + RUN + "?", "StudyInstanceUID").isEmpty());
    }

    @Test
    void studyDateRangesClosedAndOpen() throws Exception {
        String name = "PatientName=Qit" + RUN + "*";
        Predicate<Dataset> mine = ds -> ds.getString(Tags.PatientName).startsWith("Qit" + RUN);
        assertEquals(expected(Tags.StudyInstanceUID, mine.and(ds -> between(ds.getString(Tags.StudyDate),
                        "20040101", "20041231"))),
                returned(Tags.StudyInstanceUID, findscu("-S", "QueryRetrieveLevel=STUDY", name,
                        "StudyDate=20040101-20041231", "StudyInstanceUID")));
        assertEquals(expected(Tags.StudyInstanceUID, mine.and(ds -> between(ds.getString(Tags.StudyDate),
                        "00000000", "20040630"))),
                returned(Tags.StudyInstanceUID, findscu("-S", "QueryRetrieveLevel=STUDY", name,
                        "StudyDate=-20040630", "StudyInstanceUID")));
        assertEquals(expected(Tags.StudyInstanceUID, mine.and(ds -> between(ds.getString(Tags.StudyDate),
                        "20030801", "99999999"))),
                returned(Tags.StudyInstanceUID, findscu("-S", "QueryRetrieveLevel=STUDY", name,
                        "StudyDate=20030801-", "StudyInstanceUID")));
    }

    private static boolean between(String date, String from, String to) {
        return date != null && date.compareTo(from) >= 0 && date.compareTo(to) <= 0;
    }

    @Test
    void listOfStudyUidsReturnsExactlyThoseStudies() throws Exception {
        String ct = studyOf("CT");
        String plan = studyOf("RTPLAN");
        List<Dataset> responses = findscu("-S", "QueryRetrieveLevel=STUDY", "StudyInstanceUID=" + ct + "\\" + plan);
        assertEquals(new TreeSet<>(Set.of(ct, plan)), returned(Tags.StudyInstanceUID, responses));
    }

    @Test
    void studyLevelComputedAttributesCountWhatWasStored() throws Exception {
        List<Dataset> responses = findscu("-S", "QueryRetrieveLevel=STUDY", "PatientID=" + PATIENT_A,
                "StudyInstanceUID", "ModalitiesInStudy", "NumberOfStudyRelatedSeries", "NumberOfStudyRelatedInstances");
        assertEquals(2, responses.size());
        for (Dataset response : responses) {
            Predicate<Dataset> inStudy = is(Tags.StudyInstanceUID, response.getString(Tags.StudyInstanceUID));
            assertEquals(expected(Tags.Modality, inStudy), new TreeSet<>(List.of(response.getStrings(Tags.ModalitiesInStudy))));
            assertEquals(expected(Tags.SeriesInstanceUID, inStudy).size(),
                    response.getInt(Tags.NumberOfStudyRelatedSeries, -1));
            assertEquals(expected(Tags.SOPInstanceUID, inStudy).size(),
                    response.getInt(Tags.NumberOfStudyRelatedInstances, -1));
        }
    }

    @Test
    void modalitiesInStudyMatchesStudiesHavingASeriesOfThatModality() throws Exception {
        List<Dataset> responses = findscu("-S", "QueryRetrieveLevel=STUDY", "PatientName=Qit" + RUN + "*",
                "ModalitiesInStudy=MR\\RTDOSE", "StudyInstanceUID");
        assertEquals(expected(Tags.StudyInstanceUID, ofThisRun().and(ds -> "MR".equals(ds.getString(Tags.Modality))
                || "RTDOSE".equals(ds.getString(Tags.Modality)))), returned(Tags.StudyInstanceUID, responses));
    }

    @Test
    void seriesLevelWithinAStudyWithModalityAndInstanceCount() throws Exception {
        String ct = studyOf("CT");
        List<Dataset> responses = findscu("-S", "QueryRetrieveLevel=SERIES", "StudyInstanceUID=" + ct, "Modality=CT",
                "SeriesInstanceUID", "NumberOfSeriesRelatedInstances");
        assertEquals(expected(Tags.SeriesInstanceUID, is(Tags.StudyInstanceUID, ct)),
                returned(Tags.SeriesInstanceUID, responses));
        assertEquals(1, responses.size());
        assertEquals(2, responses.get(0).getInt(Tags.NumberOfSeriesRelatedInstances, -1));
        assertTrue(findscu("-S", "QueryRetrieveLevel=SERIES", "StudyInstanceUID=" + ct, "Modality=MR",
                "SeriesInstanceUID").isEmpty());
    }

    @Test
    void imageLevelReturnsTheInstancesOfASeries() throws Exception {
        String ct = studyOf("CT");
        String series = expected(Tags.SeriesInstanceUID, is(Tags.StudyInstanceUID, ct)).iterator().next();
        List<Dataset> responses = findscu("-S", "QueryRetrieveLevel=IMAGE", "StudyInstanceUID=" + ct,
                "SeriesInstanceUID=" + series, "SOPInstanceUID", "SOPClassUID", "InstanceNumber");
        assertEquals(expected(Tags.SOPInstanceUID, is(Tags.SeriesInstanceUID, series)),
                returned(Tags.SOPInstanceUID, responses));
        for (Dataset response : responses) {
            assertEquals(UIDs.CTImageStorage, response.getString(Tags.SOPClassUID));
        }
    }

    @Test
    void studyDateAndTimeRangesMatchAsOneDateTimeRange() throws Exception {
        List<Dataset> responses = findscu("-S", "QueryRetrieveLevel=STUDY", "PatientID=" + RUN + "*",
                "StudyDate=20030716-20040119", "StudyTime=1200-0800", "StudyInstanceUID");
        LocalDateTime from = LocalDateTime.of(2003, 7, 16, 12, 0);
        LocalDateTime to = LocalDateTime.of(2004, 1, 19, 8, 0, 59);
        Set<String> expected = expected(Tags.StudyInstanceUID, ofThisRun().and(ds -> {
            String date = ds.getString(Tags.StudyDate);
            String time = ds.getString(Tags.StudyTime);
            if (date == null || time == null) {
                return false;
            }
            LocalDateTime at = LocalDateTime.parse(date + time.substring(0, 6),
                    DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
            return !at.isBefore(from) && !at.isAfter(to);
        }));
        assertEquals(expected, returned(Tags.StudyInstanceUID, responses));
        // The plan (15:35 on the first day), the dose (a middle day, 11:57) and the CT (07:27 on the last day); as two
        // separate ranges, 12:00-08:00 would match no time at all.
        assertEquals(3, expected.size());
    }

    @Test
    void patientRootAtEachLevel() throws Exception {
        List<Dataset> patients = findscu("-P", "QueryRetrieveLevel=PATIENT", "PatientID=" + RUN + "*",
                "PatientName", "NumberOfPatientRelatedStudies");
        assertEquals(expected(Tags.PatientID, ofThisRun()), returned(Tags.PatientID, patients));
        for (Dataset patient : patients) {
            assertEquals(expected(Tags.StudyInstanceUID, is(Tags.PatientID, patient.getString(Tags.PatientID))).size(),
                    patient.getInt(Tags.NumberOfPatientRelatedStudies, -1));
        }
        List<Dataset> studies = findscu("-P", "QueryRetrieveLevel=STUDY", "PatientID=" + PATIENT_B, "StudyInstanceUID");
        assertEquals(expected(Tags.StudyInstanceUID, is(Tags.PatientID, PATIENT_B)),
                returned(Tags.StudyInstanceUID, studies));
        String plan = studyOf("RTPLAN");
        List<Dataset> series = findscu("-P", "QueryRetrieveLevel=SERIES", "PatientID=" + PATIENT_B,
                "StudyInstanceUID=" + plan, "SeriesInstanceUID");
        assertEquals(expected(Tags.SeriesInstanceUID, is(Tags.StudyInstanceUID, plan)),
                returned(Tags.SeriesInstanceUID, series));
        String planSeries = series.get(0).getString(Tags.SeriesInstanceUID);
        List<Dataset> images = findscu("-P", "QueryRetrieveLevel=IMAGE", "PatientID=" + PATIENT_B,
                "StudyInstanceUID=" + plan, "SeriesInstanceUID=" + planSeries, "SOPInstanceUID");
        assertEquals(expected(Tags.SOPInstanceUID, is(Tags.SeriesInstanceUID, planSeries)),
                returned(Tags.SOPInstanceUID, images));
    }

    @Test
    void aNameStoredInGb18030ComesBackInUtf8() throws Exception {
        List<Dataset> responses = findscu("-P", "QueryRetrieveLevel=PATIENT", "PatientID=" + PATIENT_C, "PatientName");
        assertEquals(1, responses.size());
        assertEquals("ISO_IR 192", responses.get(0).getString(Tags.SpecificCharacterSet));
        assertEquals(expected(Tags.PatientName, is(Tags.PatientID, PATIENT_C)),
                returned(Tags.PatientName, responses));
    }

    @Test
    void namesMatchWithRegardToCaseAndPagesAreJoinedWhenTheSettingsSaySo() throws Exception {
        // The H2 index of this server traces each statement it runs (level 3), so the pages read can be counted.
        Path index = Path.of(System.getProperty("it.dir")).resolve("query-settings/data/strata/index");
        try (StandaloneServer server = StandaloneServer.start("query-settings",
                Map.of("strata.query.case-insensitive-names", "false", "strata.query.page-size", "2",
                        "strata.db.url", "jdbc:h2:file:" + index + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
                                + ";TRACE_LEVEL_FILE=3"))) {
            server.awaitBoot();
            Path dir = Files.createTempDirectory("query-it");
            Map<String, String> newUids = new HashMap<>();
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                files.add(copy(dir, "test_files/CT_small.dcm", RUN + "-D", "Qit" + RUN + "^Delta", newUids));
            }
            for (FileSender.Result result : Dicom.send(server.dicomPort(), "QUERY-IT", files.toArray(Path[]::new))) {
                assertEquals(0, result.status(), "store failed: " + result);
            }
            Dataset first = Part10.read(files.get(0)).dataset();
            String study = first.getString(Tags.StudyInstanceUID);

            assertEquals(Set.of(study), returned(Tags.StudyInstanceUID, findscu(server.dicomPort(), "-S",
                    "QueryRetrieveLevel=STUDY", "PatientName=Qit" + RUN + "^D*", "StudyInstanceUID")));
            assertTrue(findscu(server.dicomPort(), "-S", "QueryRetrieveLevel=STUDY",
                    "PatientName=qit" + RUN.toLowerCase() + "^d*", "StudyInstanceUID").isEmpty());

            Set<String> instances = new TreeSet<>();
            for (Path f : files) {
                instances.add(Part10.read(f).dataset().getString(Tags.SOPInstanceUID));
            }
            List<Dataset> images = findscu(server.dicomPort(), "-S", "QueryRetrieveLevel=IMAGE", "StudyInstanceUID=" + study,
                    "SeriesInstanceUID=" + first.getString(Tags.SeriesInstanceUID), "SOPInstanceUID");
            assertEquals(5, images.size());
            assertEquals(instances, returned(Tags.SOPInstanceUID, images));
            assertEquals(3, pageReads(Path.of(index + ".trace.db"), " from instance "),
                    "three pages of two, two and one");
        }
    }

    /** How many limited reads (a page each) of a table an H2 trace file records. */
    private static long pageReads(Path trace, String fromTable) throws IOException {
        try (Stream<String> lines = Files.lines(trace)) {
            return lines.filter(l -> l.startsWith("/*SQL") && l.contains(fromTable) && l.contains(" fetch first "))
                    .count();
        }
    }

    // ---------------------------------------------------------------- refusals and cancel, with the toolkit

    private static DimseChannel associate() throws IOException {
        AssociateRequest rq = new AssociateRequest();
        rq.setCallingAeTitle("QUERY-IT");
        rq.setCalledAeTitle("STRATA");
        rq.addPresentationContext(UIDs.StudyRootQueryRetrieveInformationModelFind, UIDs.ExplicitVRLittleEndian);
        rq.addPresentationContext(UIDs.PatientRootQueryRetrieveInformationModelFind, UIDs.ExplicitVRLittleEndian);
        return DimseChannel.open("127.0.0.1", StrataServer.DICOM_PORT, null, rq, new AssociationOptions(),
                new DimseServices(), EXECUTOR);
    }

    private static DimseResponse find(String sopClass, Dataset keys) throws IOException {
        DimseChannel channel = associate();
        try {
            return DimseChannel.await(channel.find(channel.requireContext(sopClass, null), sopClass, keys, null));
        } finally {
            channel.release();
        }
    }

    @Test
    void identifiersThatDoNotFitTheModelAreRefusedWithA900() throws Exception {
        Dataset noLevel = new Dataset().setString(Tags.PatientID, PATIENT_A);
        DimseResponse response = find(UIDs.StudyRootQueryRetrieveInformationModelFind, noLevel);
        assertEquals(0xA900, response.status());
        assertEquals("identifier has no QueryRetrieveLevel (0008,0052)", response.errorComment());

        Dataset patientInStudyRoot = new Dataset().setString(Tags.QueryRetrieveLevel, "PATIENT")
                .setString(Tags.PatientID, PATIENT_A);
        assertEquals(0xA900, find(UIDs.StudyRootQueryRetrieveInformationModelFind, patientInStudyRoot).status());

        Dataset seriesWithoutStudy = new Dataset().setString(Tags.QueryRetrieveLevel, "SERIES")
                .setString(Tags.SeriesInstanceUID, "");
        response = find(UIDs.StudyRootQueryRetrieveInformationModelFind, seriesWithoutStudy);
        assertEquals(0xA900, response.status());
        assertEquals("SERIES level needs a value of (0020,000D)", response.errorComment());

        Dataset studyWithoutPatient = new Dataset().setString(Tags.QueryRetrieveLevel, "STUDY")
                .setString(Tags.StudyInstanceUID, "");
        response = find(UIDs.PatientRootQueryRetrieveInformationModelFind, studyWithoutPatient);
        assertEquals(0xA900, response.status());
        assertEquals("STUDY level needs a value of (0010,0020)", response.errorComment());
    }

    @Test
    void aNumberKeyThatIsNoNumberIsRefusedWithC000() throws Exception {
        Dataset keys = new Dataset().setString(Tags.QueryRetrieveLevel, "SERIES")
                .setString(Tags.StudyInstanceUID, studyOf("CT")).setString(Tags.SeriesNumber, VR.IS, "x1");
        DimseResponse response = find(UIDs.StudyRootQueryRetrieveInformationModelFind, keys);
        assertEquals(0xC000, response.status());
        assertEquals("(0020,0011) is not a number: x1", response.errorComment());
    }

    @Test
    void cCancelEndsTheFindWithFe00BeforeAllMatchesAreSent() throws Exception {
        int all = expected(Tags.StudyInstanceUID, ofThisRun()).size();
        Dataset keys = new Dataset().setString(Tags.QueryRetrieveLevel, "STUDY")
                .setString(Tags.PatientID, RUN + "*").setString(Tags.StudyInstanceUID, "");
        DimseChannel channel = associate();
        try {
            String sopClass = UIDs.StudyRootQueryRetrieveInformationModelFind;
            int pc = channel.requireContext(sopClass, null);
            AtomicInteger pending = new AtomicInteger();
            CompletableFuture<DimseResponse> result = channel.find(pc, sopClass, keys, r -> pending.incrementAndGet());
            // The cancel follows the request (message ID 1, the first on this association) at once, long before the
            // archive has run its query.
            channel.cancel(pc, 1);
            DimseResponse response = DimseChannel.await(result);
            assertEquals(0xFE00, response.status());
            assertTrue(pending.get() < all, pending.get() + " of " + all + " matches were sent");
        } finally {
            channel.release();
        }
    }
}
