package org.strata.dicom.dimse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.io.DicomReader;
import org.strata.dicom.io.DicomWriter;
import org.strata.dicom.io.TransferSyntax;
import org.strata.dicom.net.Association;

/** Conversions between small DIMSE data sets (identifiers, attribute lists) and their bytes on the wire. */
public final class DimseData {
    private DimseData() {
    }

    /** Writes {@code dataset} in the given transfer syntax into a message. */
    public static Association.DataWriter writer(Dataset dataset, String transferSyntaxUid) {
        TransferSyntax ts = TransferSyntax.forUid(transferSyntaxUid);
        return out -> DicomWriter.writeDataset(out, dataset, ts);
    }

    /** Parses data set bytes received in the given transfer syntax; null bytes give null. */
    public static Dataset read(byte[] data, String transferSyntaxUid) throws IOException {
        if (data == null) {
            return null;
        }
        return DicomReader.readDataset(new ByteArrayInputStream(data), TransferSyntax.forUid(transferSyntaxUid));
    }
}
