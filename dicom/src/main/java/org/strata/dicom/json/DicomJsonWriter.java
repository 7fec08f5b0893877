package org.strata.dicom.json;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;

/**
 * Writes data sets as the DICOM JSON Model (PS3.18 Annex F), streaming: values go straight from the data
 * set to the output, binary values are Base64-encoded chunk by chunk, and no JSON tree is built.
 *
 * <p>Text is written as Unicode (decoded with the Specific Character Set), IS and DS as JSON numbers, binary
 * numbers as numbers (NaN and infinities, which JSON lacks, as strings), AT as 8 hex digits, PN as
 * Alphabetic/Ideographic/Phonetic objects, empty values within several as null, and an empty element as
 * just its "vr". Group lengths are left out.
 */
public final class DicomJsonWriter {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final JsonOutput out;
    private final BulkDataPolicy bulkData;
    private final char[] key = new char[8];

    /**
     * @param out where the JSON goes; flushed, not closed, after each {@link #write}
     * @param bulkData when binary values go out as BulkDataURI instead of InlineBinary
     * @param pretty indent the output for people
     */
    public DicomJsonWriter(Writer out, BulkDataPolicy bulkData, boolean pretty) {
        this.out = new JsonOutput(out, pretty);
        this.bulkData = bulkData;
    }

    /** Writes one data set as UTF-8 JSON to a stream (which stays open). */
    public static void write(Dataset dataset, OutputStream out, BulkDataPolicy bulkData, boolean pretty)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        new DicomJsonWriter(writer, bulkData, pretty).write(dataset);
    }

    /** Writes one data set as a JSON object. */
    public void write(Dataset dataset) throws IOException {
        writeDataset(dataset, "");
        out.flush();
    }

    private void writeDataset(Dataset dataset, String path) throws IOException {
        out.beginObject();
        for (int i = 0; i < dataset.size(); i++) {
            int tag = dataset.tagAt(i);
            if (!ModelValues.isGroupLength(tag)) {
                writeElement(dataset, tag, dataset.vrAt(i), dataset.valueAt(i), path);
            }
        }
        out.endObject();
    }

    private void writeElement(Dataset dataset, int tag, VR vr, Object value, String path) throws IOException {
        for (int k = 0; k < 8; k++) {
            key[k] = HEX[(tag >>> (28 - 4 * k)) & 0xF];
        }
        String name = new String(key);
        out.name(name);
        out.beginObject();
        out.name("vr");
        out.string(vr.name());
        if (value != null) {
            if (value instanceof Sequence items) {
                writeItems(items, path + name);
            } else if (vr == VR.SQ) {
                throw new IOException("element " + name + " has VR SQ but holds no sequence");
            } else if (BulkDataPolicy.isBinary(vr) || !(value instanceof byte[] || value instanceof String)) {
                writeBinary(vr, value, path + name);
            } else {
                writeValues(dataset, tag, vr);
            }
        }
        out.endObject();
    }

    private void writeItems(Sequence items, String path) throws IOException {
        if (items.isEmpty()) {
            return;
        }
        out.name("Value");
        out.beginArray();
        for (int i = 0; i < items.size(); i++) {
            writeDataset(items.get(i), path + "/" + i + "/");
        }
        out.endArray();
    }

    private void writeBinary(VR vr, Object value, String path) throws IOException {
        long length = ModelValues.binaryLength(value);
        if (length == 0) {
            return;
        }
        if (bulkData.useUri(length)) {
            out.name("BulkDataURI");
            out.string(bulkData.uriBuilder().uriFor(path, vr));
            return;
        }
        out.name("InlineBinary");
        try (InputStream in = ModelValues.binaryStream(value, vr)) {
            out.base64(in);
        }
    }

    private void writeValues(Dataset dataset, int tag, VR vr) throws IOException {
        String[] values = dataset.getStrings(tag);
        if (values.length == 0) {
            return;
        }
        out.name("Value");
        out.beginArray();
        for (String value : values) {
            if (value.isEmpty()) {
                out.nullValue();
            } else if (vr == VR.PN) {
                writePersonName(value);
            } else if (vr == VR.IS || vr == VR.DS) {
                String number = ModelValues.jsonNumber(value);
                if (number != null) {
                    out.number(number);
                } else {
                    out.string(value);
                }
            } else if (ModelValues.isBinaryNumber(vr) && vr != VR.AT) {
                writeBinaryNumber(value);
            } else {
                out.string(value);
            }
        }
        out.endArray();
    }

    private void writeBinaryNumber(String value) throws IOException {
        if (value.equals("NaN") || value.endsWith("Infinity")) {
            out.string(value);
        } else {
            out.number(value);
        }
    }

    private void writePersonName(String value) throws IOException {
        String[] groups = value.split("=", -1);
        String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
        out.beginObject();
        for (int g = 0; g < Math.min(groups.length, names.length); g++) {
            if (!groups[g].isEmpty()) {
                out.name(names[g]);
                out.string(groups[g]);
            }
        }
        out.endObject();
    }
}
