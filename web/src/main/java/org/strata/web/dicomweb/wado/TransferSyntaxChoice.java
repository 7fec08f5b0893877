package org.strata.web.dicomweb.wado;

import org.strata.dicom.dict.UIDs;
import org.strata.dicom.io.TransferSyntax;
import org.strata.dicom.pixel.Transcoder;
import org.strata.web.dicomweb.AcceptHeader;
import org.strata.web.dicomweb.DicomWebException;
import org.strata.web.dicomweb.multipart.MalformedMultipartException;
import org.strata.web.dicomweb.multipart.MediaTypeParameters;

/**
 * The transfer syntax a WADO-RS client asked for with {@code multipart/related; type="application/dicom"}
 * (PS3.18 8.7.3, 8.7.8.2): its {@code transfer-syntax} parameter, {@code *} for "as stored", or the default,
 * Explicit VR Little Endian, when absent.
 *
 * @param uid      the asked UID, or null for "as stored"
 * @param explicit true if the client named it (then an instance that cannot be converted is a 406); false for
 *                 the default, which PS3.18 8.7.3.4 lets an instance we cannot decompress leave as stored
 */
public record TransferSyntaxChoice(String uid, boolean explicit) {
    static final String DICOM = "application/dicom";
    static final String MULTIPART = "multipart/related";

    /** From the Accept header; a 406 if it accepts no multipart/related of application/dicom. */
    public static TransferSyntaxChoice negotiate(AcceptHeader accept) {
        for (MediaTypeParameters range : accept.ranges()) {
            if (!AcceptHeader.covers(range, MULTIPART)) {
                continue;
            }
            String ts = range.get("transfer-syntax");
            String type = range.get("type");
            if (type != null) {
                MediaTypeParameters partType = parse(type);
                if (!AcceptHeader.covers(partType, DICOM)) {
                    continue;
                }
                ts = ts != null ? ts : partType.get("transfer-syntax");
            }
            if (ts == null) {
                return new TransferSyntaxChoice(UIDs.ExplicitVRLittleEndian, false);
            }
            if (ts.equals("*")) {
                return new TransferSyntaxChoice(null, true);
            }
            if (!TransferSyntax.forUid(ts).isRegistered()) {
                throw DicomWebException.notAcceptable("transfer-syntax " + ts + " is not a transfer syntax UID known here");
            }
            return new TransferSyntaxChoice(ts, true);
        }
        throw DicomWebException.notAcceptable("WADO-RS returns instances as multipart/related;"
                + " type=\"application/dicom\", which the Accept header does not allow");
    }

    /**
     * The syntax to send an instance stored in {@code stored} in, or null if it cannot be sent as asked.
     */
    public String forStored(String stored) {
        if (uid == null) {
            return stored;
        }
        if (Transcoder.canTranscode(stored, uid)) {
            return uid;
        }
        return explicit ? null : stored;
    }

    private static MediaTypeParameters parse(String type) {
        try {
            return MediaTypeParameters.parse(type);
        } catch (MalformedMultipartException e) {
            throw DicomWebException.badRequest("Accept header, type parameter: " + e.getMessage());
        }
    }
}
