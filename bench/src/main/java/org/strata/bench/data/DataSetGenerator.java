package org.strata.bench.data;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.data.VR;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.FileMetaInformation;
import org.strata.dicom.io.Part10;
import org.strata.dicom.io.TransferSyntax;

/**
 * Clones one real CT image into a data set of {@code studies x series x instances} Part 10 files with new UIDs
 * per clone, written as {@code <folder>/sNNN/rNN/iNNNN.dcm} in Explicit VR Little Endian. Deterministic: the same
 * template, shape and seed give byte-identical files, so every system of a run (and every run) gets the same data.
 */
public final class DataSetGenerator {
    /** First study date; study k is dated k days later, so date ranges select a known number of studies. */
    public static final LocalDate FIRST_STUDY_DATE = LocalDate.of(2020, 1, 1);

    private final Dataset template;
    private final DataSetShape shape;
    private final String seed;
    private final String label;

    /**
     * @param template an uncompressed single-frame image; its group length elements are dropped (they would be
     *                 stale after the clone's edits) and its pixel data is kept as is
     * @param label    names the patients (LABEL^P0000, ID LABEL-P0000) so that data sets of different labels never match
     *                 the same queries
     */
    public DataSetGenerator(DicomFile template, DataSetShape shape, String seed, String label) {
        this.template = template.dataset().deepCopy();
        List<Integer> groupLengths = new ArrayList<>();
        for (int i = 0; i < this.template.size(); i++) {
            if ((this.template.tagAt(i) & 0xFFFF) == 0) {
                groupLengths.add(this.template.tagAt(i));
            }
        }
        groupLengths.forEach(this.template::remove);
        this.shape = shape;
        this.seed = seed;
        this.label = label;
    }

    /** Writes every file under {@code folder} (which must be empty or absent) and describes what it wrote. */
    public GeneratedDataSet generate(Path folder) throws IOException {
        return studies(folder, true);
    }

    /** Describes the data set {@link #generate} wrote into {@code folder} earlier, reading only file sizes. */
    public GeneratedDataSet describe(Path folder) throws IOException {
        return studies(folder, false);
    }

    private GeneratedDataSet studies(Path folder, boolean write) throws IOException {
        List<GeneratedStudy> studies = new ArrayList<>();
        for (int s = 0; s < shape.studies(); s++) {
            studies.add(study(folder, s, write));
        }
        return new GeneratedDataSet(folder, shape, studies);
    }

    private GeneratedStudy study(Path folder, int s, boolean write) throws IOException {
        Dataset ds = template.deepCopy();
        String studyUid = uid("study", s, 0, 0);
        String patientId = String.format("%s-P%04d", label, s);
        String patientName = String.format("%s^P%04d", label, s);
        LocalDate date = FIRST_STUDY_DATE.plusDays(s);
        ds.setString(Tags.PatientID, VR.LO, patientId);
        ds.setString(Tags.PatientName, VR.PN, patientName);
        ds.setString(Tags.StudyInstanceUID, VR.UI, studyUid);
        ds.setDate(Tags.StudyDate, date);
        ds.setString(Tags.StudyID, VR.SH, Integer.toString(s + 1));
        ds.setString(Tags.AccessionNumber, VR.SH, String.format("%.8s%06d", label, s));
        ds.setString(Tags.Modality, VR.CS, "CT");
        List<Path> files = new ArrayList<>();
        long bytes = 0;
        for (int r = 0; r < shape.seriesPerStudy(); r++) {
            ds.setString(Tags.SeriesInstanceUID, VR.UI, uid("series", s, r, 0));
            ds.setString(Tags.FrameOfReferenceUID, VR.UI, uid("frame", s, r, 0));
            ds.setInt(Tags.SeriesNumber, VR.IS, r + 1);
            Path seriesFolder = folder.resolve(String.format("s%03d/r%02d", s, r));
            if (write) {
                Files.createDirectories(seriesFolder);
            }
            for (int i = 0; i < shape.instancesPerSeries(); i++) {
                String sopUid = uid("instance", s, r, i);
                ds.setString(Tags.SOPInstanceUID, VR.UI, sopUid);
                ds.setInt(Tags.InstanceNumber, VR.IS, i + 1);
                Path file = seriesFolder.resolve(String.format("i%04d.dcm", i));
                if (write) {
                    Part10.write(file, FileMetaInformation.forDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()), ds);
                }
                files.add(file);
                bytes += Files.size(file);
            }
        }
        return new GeneratedStudy(studyUid, patientId, patientName, date, List.copyOf(files), bytes);
    }

    /** A 2.25 UID (PS3.5 B.2) from a name-based UUID of seed and position: unique per clone, same every run. */
    private String uid(String kind, int study, int series, int instance) {
        UUID u = UUID.nameUUIDFromBytes((seed + '/' + label + '/' + kind + '/' + study + '/' + series + '/' + instance)
                .getBytes(StandardCharsets.US_ASCII));
        BigInteger value = new BigInteger(1, toBytes(u));
        return "2.25." + value;
    }

    private static byte[] toBytes(UUID u) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (u.getMostSignificantBits() >>> (56 - 8 * i));
            b[8 + i] = (byte) (u.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        return b;
    }
}
