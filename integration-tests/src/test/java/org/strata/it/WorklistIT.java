package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
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
import org.strata.dicom.io.FileMetaInformation;
import org.strata.dicom.io.Part10;
import org.strata.dicom.json.BulkDataPolicy;
import org.strata.dicom.json.DicomJsonReader;
import org.strata.dicom.json.DicomJsonWriter;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationOptions;

/**
 * The Modality Worklist: entries are added over the admin REST API with a real administrator's token, then DCMTK's
 * {@code findscu -W} queries them. What each query must return is worked out here from the entries this run created
 * (with plain Java comparisons), and compared by accession number.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorklistIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    private static final String PATH = "/strata/api/admin/worklist";
    private static final String STATION_A = "WLA" + RUN;
    private static final String STATION_B = "WLB" + RUN;
    private static final String[] GIVEN_NAMES = {"Anna", "Bert", "Carl", "Dora"};
    private static final String[] MODALITIES = {"CT", "MR", "CT", "US"};
    private static final String[] TIMES = {"0800", "1530", "2200", "0300"};
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** An entry this run created: its admin id, the item it posted, and whether it was cancelled since. */
    private record Entry(long id, Dataset item, boolean[] cancelled) {
        Dataset step() {
            return item.getSequence(Tags.ScheduledProcedureStepSequence).get(0);
        }

        String accession() {
            return item.getString(Tags.AccessionNumber);
        }

        LocalDateTime start() {
            return LocalDateTime.parse(step().getString(Tags.ScheduledProcedureStepStartDate)
                    + step().getString(Tags.ScheduledProcedureStepStartTime),
                    DateTimeFormatter.ofPattern("yyyyMMddHHmm"));
        }
    }

    private static List<Entry> entries;
    private static String admin;

    @BeforeEach
    void createTheEntriesOnce() throws Exception {
        entries();
    }

    private static synchronized List<Entry> entries() throws IOException, InterruptedException {
        if (entries == null) {
            admin = StrataServer.token("admin", "admin");
            List<Entry> created = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                created.add(create(item(i, "Wl" + RUN + "^" + GIVEN_NAMES[i % 4], i < 4 ? STATION_A : STATION_B,
                        MODALITIES[i % 4], "2031010" + (1 + i / 2), TIMES[i % 4])));
            }
            entries = created;
        }
        return entries;
    }

    /** A worklist item with one scheduled step, whose protocol code is P0 or P1 by the parity of {@code n}. */
    private static Dataset item(int n, String patientName, String station, String modality, String date, String time) {
        Dataset item = new Dataset()
                .setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 192")
                .setString(Tags.AccessionNumber, VR.SH, "A" + RUN + n)
                .setString(Tags.ReferringPhysicianName, VR.PN, "Ref^Doc")
                .setString(Tags.PatientName, VR.PN, patientName)
                .setString(Tags.PatientID, VR.LO, RUN + "-P" + n)
                .setString(Tags.PatientBirthDate, VR.DA, "19700101")
                .setString(Tags.PatientSex, VR.CS, n % 2 == 0 ? "F" : "M")
                .setString(Tags.StudyInstanceUID, VR.UI, newUid())
                .setString(Tags.RequestedProcedureID, VR.SH, "R" + RUN + n)
                .setString(Tags.RequestedProcedureDescription, VR.LO, "Procedure " + n);
        Dataset step = item.newSequence(Tags.ScheduledProcedureStepSequence).addItem()
                .setString(Tags.ScheduledStationAETitle, VR.AE, station)
                .setString(Tags.ScheduledProcedureStepStartDate, VR.DA, date)
                .setString(Tags.ScheduledProcedureStepStartTime, VR.TM, time)
                .setString(Tags.Modality, VR.CS, modality)
                .setString(Tags.ScheduledPerformingPhysicianName, VR.PN, "Tech^" + n)
                .setString(Tags.ScheduledProcedureStepDescription, VR.LO, "Step " + n)
                .setString(Tags.ScheduledProcedureStepID, VR.SH, "S" + RUN + n);
        step.newSequence(Tags.ScheduledProtocolCodeSequence).addItem()
                .setString(Tags.CodeValue, VR.SH, "P" + (n % 2))
                .setString(Tags.CodingSchemeDesignator, VR.SH, "99STRATA")
                .setString(Tags.CodeMeaning, VR.LO, "Protocol " + (n % 2));
        return item;
    }

    private static String newUid() {
        return "2.25." + new BigInteger(1, ByteBuffer.allocate(16).putLong(UUID.randomUUID().getMostSignificantBits())
                .putLong(UUID.randomUUID().getLeastSignificantBits()).array());
    }

    private static Entry create(Dataset item) throws IOException, InterruptedException {
        HttpResponse<String> response = post(json(item), admin);
        assertEquals(201, response.statusCode(), response.body());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(StrataServer.uri(PATH).toString() + "/"), location);
        return new Entry(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)), item, new boolean[1]);
    }

    private static String json(Dataset item) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomJsonWriter.write(item, out, BulkDataPolicy.INLINE, false);
        return out.toString(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- HTTP

    private static HttpResponse<String> post(String body, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(StrataServer.uri(PATH)).header("Content-Type", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token)
            throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- findscu -W

    /** Runs findscu -W with the keys, and the keys of a query file when given. */
    private static List<Dataset> findscu(Path queryFile, String... keys) throws IOException, InterruptedException {
        return Findscu.query(StrataServer.DICOM_PORT, "WORKLIST-IT", "-W", queryFile, keys);
    }

    private static List<Dataset> findscu(String... keys) throws IOException, InterruptedException {
        return findscu(null, keys);
    }

    /** The accession numbers of the entries a query must return: those not cancelled that pass the filter. */
    private static Set<String> expected(Predicate<Entry> filter) throws IOException, InterruptedException {
        return entries().stream().filter(e -> !e.cancelled()[0]).filter(filter).map(Entry::accession)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> returned(List<Dataset> responses) {
        return responses.stream().map(r -> r.getString(Tags.AccessionNumber))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static final String STEP = "ScheduledProcedureStepSequence[0].";

    // ---------------------------------------------------------------- the tests

    @Test
    void stationAeTitleMatchesItsStepsAndTheRequestedKeysComeBack() throws Exception {
        List<Dataset> responses = findscu("AccessionNumber", "PatientName", "PatientID", "StudyInstanceUID",
                STEP + "ScheduledStationAETitle=" + STATION_A, STEP + "Modality", STEP + "ScheduledProcedureStepID",
                STEP + "ScheduledProcedureStepStartDate", STEP + "ScheduledProcedureStepStartTime");
        assertEquals(expected(e -> STATION_A.equals(e.step().getString(Tags.ScheduledStationAETitle))),
                returned(responses));
        assertEquals(4, responses.size());
        for (Dataset response : responses) {
            Entry entry = entries().stream().filter(e -> e.accession().equals(response.getString(Tags.AccessionNumber)))
                    .findFirst().orElseThrow();
            for (int tag : new int[] {Tags.PatientName, Tags.PatientID, Tags.StudyInstanceUID}) {
                assertEquals(entry.item().getString(tag), response.getString(tag));
            }
            Dataset step = response.getSequence(Tags.ScheduledProcedureStepSequence).get(0);
            for (int tag : new int[] {Tags.ScheduledStationAETitle, Tags.Modality, Tags.ScheduledProcedureStepID,
                    Tags.ScheduledProcedureStepStartDate, Tags.ScheduledProcedureStepStartTime}) {
                assertEquals(entry.step().getString(tag), step.getString(tag));
            }
            assertFalse(response.contains(Tags.PatientSex), "only requested keys come back");
        }
    }

    @Test
    void modalityWithinAStation() throws Exception {
        List<Dataset> responses = findscu("AccessionNumber", STEP + "ScheduledStationAETitle=" + STATION_B,
                STEP + "Modality=CT");
        assertEquals(expected(e -> STATION_B.equals(e.step().getString(Tags.ScheduledStationAETitle))
                && "CT".equals(e.step().getString(Tags.Modality))), returned(responses));
        assertEquals(2, responses.size());
    }

    @Test
    void startDateRange() throws Exception {
        List<Dataset> responses = findscu("AccessionNumber",
                STEP + "ScheduledProcedureStepStartDate=20310102-20310103");
        assertEquals(expected(e -> {
            String date = e.step().getString(Tags.ScheduledProcedureStepStartDate);
            return date.compareTo("20310102") >= 0 && date.compareTo("20310103") <= 0;
        }), returned(responses));
        assertEquals(4, responses.size());
    }

    @Test
    void startDateAndTimeRangesMatchAsOneDateTimeRange() throws Exception {
        List<Dataset> responses = findscu("AccessionNumber", STEP + "ScheduledProcedureStepStartDate=20310101-20310102",
                STEP + "ScheduledProcedureStepStartTime=1200-1600");
        LocalDateTime from = LocalDateTime.of(2031, 1, 1, 12, 0);
        LocalDateTime to = LocalDateTime.of(2031, 1, 2, 16, 0, 59);
        Set<String> expected = expected(e -> !e.start().isBefore(from) && !e.start().isAfter(to));
        assertEquals(expected, returned(responses));
        // 2031-01-01 15:30 and 2031-01-02 03:00; a daily 12:00-16:00 window would drop the second
        assertEquals(2, expected.size());
    }

    @Test
    void patientNameWildcardWhateverTheCase() throws Exception {
        List<Dataset> responses = findscu("AccessionNumber", "PatientName=wl" + RUN.toLowerCase(Locale.ROOT) + "^b*");
        assertEquals(expected(e -> e.item().getString(Tags.PatientName).toUpperCase(Locale.ROOT)
                .startsWith(("Wl" + RUN + "^B").toUpperCase(Locale.ROOT))), returned(responses));
        assertEquals(2, responses.size());
    }

    @Test
    void aKeyNestedInASequenceInsideTheStep() throws Exception {
        List<Dataset> responses = findscu("AccessionNumber", STEP + "ScheduledStationAETitle=" + STATION_A,
                STEP + "ScheduledProtocolCodeSequence[0].CodeValue=P1",
                STEP + "ScheduledProtocolCodeSequence[0].CodeMeaning");
        assertEquals(expected(e -> STATION_A.equals(e.step().getString(Tags.ScheduledStationAETitle))
                && "P1".equals(e.step().getSequence(Tags.ScheduledProtocolCodeSequence).get(0)
                        .getString(Tags.CodeValue))), returned(responses));
        assertEquals(2, responses.size());
        for (Dataset response : responses) {
            assertEquals("Protocol 1", response.getSequence(Tags.ScheduledProcedureStepSequence).get(0)
                    .getSequence(Tags.ScheduledProtocolCodeSequence).get(0).getString(Tags.CodeMeaning));
        }
    }

    @Test
    void accessionNumber() throws Exception {
        String accession = "A" + RUN + "5";
        List<Dataset> responses = findscu("AccessionNumber=" + accession, "PatientID");
        assertEquals(expected(e -> accession.equals(e.accession())), returned(responses));
        assertEquals(RUN + "-P5", responses.get(0).getString(Tags.PatientID));
    }

    @Test
    void aQueryInLatin1FindsAUtf8NameAndTheAnswerIsInUtf8() throws Exception {
        String name = "Müller" + RUN + "^Jörg";
        Entry entry = create(item(20, name, "WLU" + RUN, "MR", "20310201", "1000"));
        entries.add(entry);
        Dataset query = new Dataset().setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 100")
                .setString(Tags.PatientName, VR.PN, "MÜLLER" + RUN + "*").setString(Tags.AccessionNumber, VR.SH, "");
        Path file = Files.createTempFile("worklist-query", ".dcm");
        Part10.write(file, FileMetaInformation.create(UIDs.ModalityWorklistInformationModelFind, newUid(),
                UIDs.ExplicitVRLittleEndian), query);
        List<Dataset> responses = findscu(file);
        assertEquals(Set.of(entry.accession()), returned(responses));
        assertEquals("ISO_IR 192", responses.get(0).getString(Tags.SpecificCharacterSet));
        assertEquals(name, responses.get(0).getString(Tags.PatientName));
    }

    @Test
    void cCancelEndsTheQueryWithFe00BeforeAllMatchesAreSent() throws Exception {
        int all = expected(e -> e.item().getString(Tags.PatientName).startsWith("Wl" + RUN)).size();
        Dataset keys = new Dataset().setString(Tags.PatientName, VR.PN, "Wl" + RUN + "*")
                .setString(Tags.AccessionNumber, VR.SH, "");
        String sopClass = UIDs.ModalityWorklistInformationModelFind;
        AssociateRequest rq = new AssociateRequest();
        rq.setCallingAeTitle("WORKLIST-IT");
        rq.setCalledAeTitle("STRATA");
        rq.addPresentationContext(sopClass, UIDs.ExplicitVRLittleEndian);
        ExecutorService executor = Executors.newCachedThreadPool();
        DimseChannel channel = DimseChannel.open("127.0.0.1", StrataServer.DICOM_PORT, null, rq,
                new AssociationOptions(), new DimseServices(), executor);
        try {
            int pc = channel.requireContext(sopClass, null);
            AtomicInteger pending = new AtomicInteger();
            CompletableFuture<DimseResponse> result = channel.find(pc, sopClass, keys, r -> pending.incrementAndGet());
            // The cancel follows the request (message ID 1) at once, before the archive has read the worklist.
            channel.cancel(pc, 1);
            DimseResponse response = DimseChannel.await(result);
            assertEquals(0xFE00, response.status());
            assertTrue(pending.get() < all, pending.get() + " of " + all + " matches were sent");
        } finally {
            channel.release();
            executor.shutdownNow();
        }
    }

    @Test
    void aCancelledStepNoLongerMatches() throws Exception {
        String station = "WLC" + RUN;
        Entry entry = create(item(30, "Wl" + RUN + "^Emil", station, "CT", "20310301", "0900"));
        entries.add(entry);
        assertEquals(Set.of(entry.accession()), returned(findscu("AccessionNumber",
                STEP + "ScheduledStationAETitle=" + station)));

        HttpResponse<String> cancelled = send(HttpRequest.newBuilder(StrataServer.uri(PATH + "/" + entry.id()))
                .DELETE(), admin);
        assertEquals(204, cancelled.statusCode(), cancelled.body());
        entry.cancelled()[0] = true;
        assertTrue(findscu("AccessionNumber", STEP + "ScheduledStationAETitle=" + station).isEmpty());

        HttpResponse<String> listed = StrataServer.get(PATH + "?station=" + station, admin);
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().contains("\"status\":\"CANCELLED\""), listed.body());
        assertEquals(404, send(HttpRequest.newBuilder(StrataServer.uri(PATH + "/999999999")).DELETE(), admin)
                .statusCode());
    }

    @Test
    void anEntryIsReadBackAsDicomJson() throws Exception {
        Entry entry = entries().get(3);
        HttpResponse<String> response = StrataServer.get(PATH + "/" + entry.id(), admin);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/dicom+json", response.headers().firstValue("Content-Type").orElse(""));
        Dataset item = DicomJsonReader.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        assertEquals(entry.item().getString(Tags.StudyInstanceUID), item.getString(Tags.StudyInstanceUID));
        assertEquals("SCHEDULED", item.getSequence(Tags.ScheduledProcedureStepSequence).get(0)
                .getString(Tags.ScheduledProcedureStepStatus));
    }

    @Test
    void theAdminApiRefusesWithout401TheWrongRole403AndIncompleteEntries400() throws Exception {
        String body = json(item(40, "Wl" + RUN + "^Fred", STATION_A, "CT", "20310401", "0900"));
        HttpResponse<String> anonymous = post(body, null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(403, post(body, StrataServer.token("reader", "reader")).statusCode());
        assertEquals(403, StrataServer.get(PATH, StrataServer.token("writer", "writer")).statusCode());

        Dataset noPatientId = item(41, "Wl" + RUN + "^Gina", STATION_A, "CT", "20310401", "0900");
        noPatientId.remove(Tags.PatientID);
        HttpResponse<String> incomplete = post(json(noPatientId), admin);
        assertEquals(400, incomplete.statusCode());
        assertEquals("PatientID (0010,0020) is required", StrataServer.json(incomplete.body()).getString("error"));

        HttpResponse<String> notJson = post("{\"00100020\": [", admin);
        assertEquals(400, notJson.statusCode());
        assertTrue(StrataServer.json(notJson.body()).getString("error").startsWith("body is not one DICOM JSON"));

        // Nothing was added by the refused requests: the station lists only this run's four entries.
        HttpResponse<String> listed = StrataServer.get(PATH + "?station=" + STATION_A, admin);
        assertEquals(200, listed.statusCode(), listed.body());
        assertEquals(4, listed.body().split("\"id\":").length - 1, listed.body());
    }
}
