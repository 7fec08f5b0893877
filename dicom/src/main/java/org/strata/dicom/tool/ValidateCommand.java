package org.strata.dicom.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.strata.dicom.data.BulkData;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.io.DicomFile;
import org.strata.dicom.io.Toleration;
import org.strata.dicom.pixel.PixelDataException;
import org.strata.dicom.pixel.PixelFormat;
import org.strata.dicom.pixel.DatasetFrames;

/** {@code validate}: reports what is wrong in DICOM files, from what the reader tolerated and a few checks. */
final class ValidateCommand implements Command {

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "report defects in DICOM files (exit 0 clean, 1 defects, 2 unreadable)";
    }

    @Override
    public String usage() {
        return """
                usage: strata-dicom validate FILE...
                Reads each file and prints, one per line as FILE: DEFECT, what the reader had to tolerate
                (bad lengths, wrong VRs, missing delimiters...) and what these checks find: missing File
                Meta Information, SOP Class/Instance UIDs missing or differing from the meta information,
                pixel data that does not match Rows, Columns, Samples per Pixel, Bits Allocated and
                Number of Frames, or fragments that cannot be split into frames.
                Exit codes: 0 no defect, 1 defects found, 2 wrong usage or a file could not be read at all.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        List<String> files = Arguments.parse(args, Set.of(), Set.of()).operands(1, Integer.MAX_VALUE);
        int exit = ExitCode.OK;
        for (String file : files) {
            DicomFile dicom;
            try {
                dicom = Inputs.readDicom(file);
            } catch (IOException e) {
                err.println(Main.PROGRAM + " validate: " + Main.oneLine(e));
                exit = ExitCode.USAGE;
                continue;
            }
            List<String> defects = defects(dicom);
            defects.forEach(defect -> out.println(file + ": " + defect));
            if (defects.isEmpty()) {
                out.println(file + ": ok");
            } else if (exit == ExitCode.OK) {
                exit = ExitCode.PROBLEM;
            }
        }
        return exit;
    }

    static List<String> defects(DicomFile dicom) throws IOException {
        List<String> defects = new ArrayList<>();
        for (Toleration toleration : dicom.tolerations()) {
            defects.add(toleration.toString());
        }
        Dataset dataset = dicom.dataset();
        String sopClass = dataset.getString(Tags.SOPClassUID);
        String sopInstance = dataset.getString(Tags.SOPInstanceUID);
        if (sopClass == null) {
            defects.add(missing("SOP Class UID (0008,0016)", dataset, Tags.SOPClassUID));
        }
        if (sopInstance == null) {
            defects.add(missing("SOP Instance UID (0008,0018)", dataset, Tags.SOPInstanceUID));
        }
        if (dicom.meta() == null) {
            defects.add("no File Meta Information (not a Part 10 file)");
        } else {
            if (sopClass != null && !sopClass.equals(dicom.meta().mediaStorageSopClassUid())) {
                defects.add("Media Storage SOP Class UID " + dicom.meta().mediaStorageSopClassUid()
                        + " differs from SOP Class UID " + sopClass);
            }
            if (sopInstance != null && !sopInstance.equals(dicom.meta().mediaStorageSopInstanceUid())) {
                defects.add("Media Storage SOP Instance UID " + dicom.meta().mediaStorageSopInstanceUid()
                        + " differs from SOP Instance UID " + sopInstance);
            }
        }
        if (dataset.contains(Tags.PixelData)) {
            String pixelDefect = pixelDataDefect(dataset);
            if (pixelDefect != null) {
                defects.add(pixelDefect);
            }
        }
        return defects;
    }

    private static String missing(String what, Dataset dataset, int tag) {
        return dataset.contains(tag) ? what + " has VR " + dataset.vr(tag) + ", not UI, or no value"
                : what + " is missing";
    }

    private static String pixelDataDefect(Dataset dataset) throws IOException {
        PixelFormat format = PixelFormat.of(dataset);
        try {
            format.validate();
            Fragments fragments = dataset.getFragments(Tags.PixelData);
            if (fragments != null) {
                DatasetFrames.locate(dataset, fragments, format.numberOfFrames());
                return null;
            }
            Object value = dataset.get(Tags.PixelData);
            long length = value instanceof BulkData bulk ? bulk.length()
                    : value instanceof byte[] bytes ? bytes.length : 0;
            long expected = format.totalLength();
            if (length < expected) {
                return "Pixel Data has " + length + " bytes, " + format.numberOfFrames() + " frame(s) of " + format
                        .rows() + "x" + format.columns() + "x" + format.samplesPerPixel() + "x" + format.bitsAllocated()
                        + " bits need " + expected;
            }
            if (length > expected + 1) {
                return "Pixel Data has " + (length - expected) + " bytes more than its " + expected
                        + " bytes of frames";
            }
            return null;
        } catch (PixelDataException e) {
            return "Pixel Data: " + e.getMessage();
        }
    }
}
