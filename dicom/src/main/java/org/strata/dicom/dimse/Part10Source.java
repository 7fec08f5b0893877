package org.strata.dicom.dimse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.io.DicomParseException;
import org.strata.dicom.io.DicomReader;
import org.strata.dicom.io.DicomWriter;
import org.strata.dicom.io.FileMetaInformation;
import org.strata.dicom.io.Part10;
import org.strata.dicom.io.TransferSyntax;
import org.strata.dicom.net.Association;
import org.strata.dicom.pixel.Transcoder;

/**
 * A Part 10 file to send with C-STORE. Only its File Meta Information is parsed; the data set bytes after it are
 * copied straight into P-DATA PDUs when the negotiated transfer syntax is the file's own. Otherwise the data set
 * is read whole and re-encoded (uncompressed or RLE; the fallback path).
 */
public final class Part10Source {
    private final Path file;
    private final FileMetaInformation meta;
    private final long datasetOffset;

    private Part10Source(Path file, FileMetaInformation meta, long datasetOffset) {
        this.file = file;
        this.meta = meta;
        this.datasetOffset = datasetOffset;
    }

    /** Reads the meta information; a file without it, or without the UIDs C-STORE needs, is refused. */
    public static Part10Source open(Path file) throws IOException {
        try (DicomReader reader = new DicomReader(file)) {
            FileMetaInformation meta = reader.readFileMetaInformation();
            if (meta == null) {
                throw new DicomParseException(file + " is not a Part 10 file (no File Meta Information)", 0,
                        DicomParseException.NO_TAG);
            }
            for (String uid : new String[] {meta.mediaStorageSopClassUid(), meta.mediaStorageSopInstanceUid(),
                    meta.transferSyntaxUid()}) {
                if (uid == null || uid.isEmpty()) {
                    throw new DicomParseException(file + ": File Meta Information lacks the SOP class, SOP instance"
                            + " or transfer syntax UID", reader.position(), DicomParseException.NO_TAG);
                }
            }
            return new Part10Source(file, meta, reader.position());
        }
    }

    public Path file() {
        return file;
    }

    public String sopClassUid() {
        return meta.mediaStorageSopClassUid();
    }

    public String sopInstanceUid() {
        return meta.mediaStorageSopInstanceUid();
    }

    public String transferSyntaxUid() {
        return meta.transferSyntaxUid();
    }

    /** Where the data set starts in the file. */
    public long datasetOffset() {
        return datasetOffset;
    }

    /** Whether the data set can be sent in {@code transferSyntaxUid}: its own, or one {@link Transcoder} reaches. */
    public boolean canSendAs(String transferSyntaxUid) {
        return Transcoder.canTranscode(transferSyntaxUid(), transferSyntaxUid);
    }

    /** The data set in {@code transferSyntaxUid}: copied verbatim if it is the file's own, else re-encoded. */
    public Association.DataWriter writer(String transferSyntaxUid) throws DimseException {
        if (transferSyntaxUid.equals(transferSyntaxUid())) {
            return out -> {
                try (InputStream in = Files.newInputStream(file)) {
                    in.skipNBytes(datasetOffset);
                    long length = Files.size(file) - datasetOffset;
                    out.transferFrom(in, length);
                    if ((length & 1) != 0) {
                        // PDVs have even lengths; PS3.5 A.5 pads an odd deflated stream with one null byte.
                        out.write(0);
                    }
                }
            };
        }
        if (!canSendAs(transferSyntaxUid)) {
            throw new DimseException(file + ": cannot convert " + transferSyntaxUid() + " to " + transferSyntaxUid);
        }
        TransferSyntax target = TransferSyntax.forUid(transferSyntaxUid);
        return out -> {
            Dataset dataset = Part10.read(file).dataset();
            Transcoder.transcode(dataset, TransferSyntax.forUid(transferSyntaxUid()), target);
            DicomWriter.writeDataset(out, dataset, target);
        };
    }
}
