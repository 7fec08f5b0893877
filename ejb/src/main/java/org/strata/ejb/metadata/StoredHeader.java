package org.strata.ejb.metadata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.strata.dicom.data.BulkData;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;
import org.strata.dicom.io.DicomReader;
import org.strata.dicom.io.DicomWriter;
import org.strata.dicom.io.TransferSyntax;
import org.strata.dicom.json.BulkDataPolicy;
import org.strata.dicom.json.ModelValues;

/**
 * The copy of an instance's header kept in the index (table instance_header): every element of the data set, but
 * binary values (pixel data, OB/OW/UN... and encapsulated fragments) longer than {@link #LARGEST_KEPT_VALUE} bytes
 * are left out. The encoding: the number of left-out values, then each one's element path (as the DICOM JSON
 * writer names it, e.g. "00540016/0/00181072") and byte length, then the data set in Explicit VR Little Endian
 * with those elements present but empty. {@link #decode} puts a {@link BulkData} of the right length back in their
 * place that points nowhere, so a DICOM JSON or XML writer whose {@link BulkDataPolicy} threshold is
 * {@link #LARGEST_KEPT_VALUE} names them by a bulk data URI.
 */
public final class StoredHeader {
    /** Binary values up to this many bytes are kept (and written inline by DICOMweb); longer ones are left out. */
    public static final int LARGEST_KEPT_VALUE = 1024;

    /** Where a left-out value "is": nowhere readable; only its length is known. */
    private static final URI LEFT_OUT = URI.create("strata:left-out-of-stored-header");

    private StoredHeader() {
    }

    /** Encodes a header read from a stored file (large values may be {@link BulkData} references into it). */
    public static byte[] encode(Dataset header) throws IOException {
        Dataset copy = header.deepCopy();
        List<String> paths = new ArrayList<>();
        List<Long> lengths = new ArrayList<>();
        leaveOutLargeValues(copy, "", paths, lengths);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            out.writeUTF(paths.get(i));
            out.writeLong(lengths.get(i));
        }
        DicomWriter.writeDataset(out, copy, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        out.flush();
        return bytes.toByteArray();
    }

    /** The header as stored, left-out values as bulk data of their length (not readable). */
    public static Dataset decode(byte[] stored) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored));
        int count = in.readInt();
        if (count < 0 || count > stored.length) {
            throw new IOException("stored header names " + count + " left-out values");
        }
        String[] paths = new String[count];
        long[] lengths = new long[count];
        for (int i = 0; i < count; i++) {
            paths[i] = in.readUTF();
            lengths[i] = in.readLong();
        }
        Dataset header = DicomReader.readDataset(in, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            restore(header, paths[i], lengths[i]);
        }
        return header;
    }

    private static void leaveOutLargeValues(Dataset dataset, String path, List<String> paths, List<Long> lengths) {
        for (int i = 0; i < dataset.size(); i++) {
            int tag = dataset.tagAt(i);
            VR vr = dataset.vrAt(i);
            Object value = dataset.valueAt(i);
            String elementPath = path + hex8(tag);
            if (value instanceof Sequence items) {
                for (int item = 0; item < items.size(); item++) {
                    leaveOutLargeValues(items.get(item), elementPath + "/" + item + "/", paths, lengths);
                }
            } else if (BulkDataPolicy.isBinary(vr) || value instanceof BulkData || value instanceof Fragments) {
                long length = ModelValues.binaryLength(value);
                if (length > LARGEST_KEPT_VALUE) {
                    paths.add(elementPath);
                    lengths.add(length);
                    dataset.put(tag, vr, null);
                }
            }
        }
    }

    private static void restore(Dataset header, String path, long length) throws IOException {
        String[] steps = path.split("/");
        Dataset dataset = header;
        for (int s = 0; s + 2 < steps.length; s += 2) {
            Sequence items = dataset.getSequence(number(steps[s], 16, path));
            int item = number(steps[s + 1], 10, path);

            if (items == null || item >= items.size()) {
                throw new IOException("stored header lacks the item of " + path);
            }
            dataset = items.get(item);
        }
        int tag = number(steps[steps.length - 1], 16, path);
        if (!dataset.contains(tag)) {
            throw new IOException("stored header lacks the element " + path);
        }
        dataset.put(tag, dataset.vr(tag), new BulkData(LEFT_OUT, 0, length, false));
    }

    private static int number(String text, int radix, String path) throws IOException {
        try {
            return Integer.parseUnsignedInt(text, radix);
        } catch (NumberFormatException e) {
            throw new IOException("stored header names a bad element path " + path);
        }
    }

    private static String hex8(int tag) {
        return String.format("%08X", tag);
    }
}
