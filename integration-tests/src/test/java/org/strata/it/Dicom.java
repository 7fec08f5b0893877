package org.strata.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dimse.FileSender;
import org.strata.dicom.dimse.Part10Source;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.FileMetaInformation;
import org.strata.dicom.io.Part10;
import org.strata.dicom.net.AssociateRequest;
import org.strata.dicom.net.AssociationOptions;

/** DICOM helpers for whole-server tests: send files with the toolkit, read what the hot tier holds. */
final class Dicom {
    static final Path PYDICOM_DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "it-dicom");
        t.setDaemon(true);
        return t;
    });

    private Dicom() {
    }

    /** Sends files to an AE over one or more associations; one result per file. */
    static List<FileSender.Result> send(int port, String callingAe, Path... files) throws IOException {
        List<Part10Source> sources = Stream.of(files).map(Dicom::source).toList();
        return FileSender.send("127.0.0.1", port, null, () -> {
            AssociateRequest rq = new AssociateRequest();
            rq.setCallingAeTitle(callingAe);
            rq.setCalledAeTitle("STRATA");
            return rq;
        }, new AssociationOptions(), sources, EXECUTOR);
    }

    private static Part10Source source(Path file) {
        try {
            return Part10Source.open(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("test file " + file + " is not sendable", e);
        }
    }

    /** The bytes of a Part 10 file after its File Meta Information: the data set as it travels over DIMSE. */
    static byte[] datasetBytes(Path part10File) throws IOException {
        byte[] all = Files.readAllBytes(part10File);
        long offset = Part10Source.open(part10File).datasetOffset();
        return java.util.Arrays.copyOfRange(all, (int) offset, all.length);
    }

    /** New CT instances of one new study and series: copies of pydicom's CT_small with new UIDs, in {@code dir}. */
    static List<Path> newCtInstances(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        String studyUid = newUid();
        String seriesUid = newUid();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DicomFile ct = Part10.read(PYDICOM_DATA.resolve("test_files/CT_small.dcm"));
            String sopUid = newUid();
            ct.dataset().setString(Tags.StudyInstanceUID, studyUid);
            ct.dataset().setString(Tags.SeriesInstanceUID, seriesUid);
            ct.dataset().setString(Tags.SOPInstanceUID, sopUid);
            Path file = dir.resolve(sopUid + ".dcm");
            Part10.write(file, FileMetaInformation.create(ct.meta().mediaStorageSopClassUid(), sopUid,
                    ct.meta().transferSyntaxUid()), ct.dataset());
            files.add(file);
        }
        return files;
    }

    /** A new UID under the UUID root 2.25. */
    static String newUid() {
        return "2.25." + new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(java.util.UUID.randomUUID().getMostSignificantBits())
                .putLong(java.util.UUID.randomUUID().getLeastSignificantBits()).array());
    }

    /** The hot tier of the server under test, under its data folder. */
    static Path hotTier(String database) {
        return Path.of(System.getProperty("it.dir"), database.toLowerCase(), "data/strata/hot");
    }

    /**
     * A copy of a pydicom file (path under {@link #PYDICOM_DATA}) with this patient ID and name (null: the file's
     * name; a name beyond ASCII makes the copy UTF-8) and fresh UIDs: the same original study or series UID gets
     * the same new one through {@code newUids}.
     */
    static Path copyForPatient(Path dir, String source, String patientId, String patientName,
            Map<String, String> newUids) throws IOException {
        DicomFile file = Part10.read(PYDICOM_DATA.resolve(source));
        Dataset ds = file.dataset();
        ds.setString(Tags.PatientID, patientId);
        if (patientName != null) {
            if (!patientName.chars().allMatch(c -> c < 0x80)) {
                ds.setString(Tags.SpecificCharacterSet, "ISO_IR 192");
            }
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
}
