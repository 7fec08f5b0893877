package org.strata.dicom.io;

import java.util.Map;
import java.util.Objects;
import org.strata.dicom.dict.UidDictionary;
import org.strata.dicom.dict.UIDs;

/**
 * How a data set is encoded (PS3.5 §10): VR explicit or implicit, byte order, deflate, and whether pixel
 * data is encapsulated. Encapsulated syntaxes (JPEG, JPEG-LS, JPEG 2000, HTJ2K, RLE, MPEG, HEVC...) are
 * pass-through: their fragments are carried, never decoded here.
 */
public final class TransferSyntax {
    /** Implicit VR Little Endian, the default (and the encoding of DIMSE command sets). */
    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UIDs.ImplicitVRLittleEndian, false, false, false, false);
    /** Explicit VR Little Endian. */
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UIDs.ExplicitVRLittleEndian, true, false, false, false);
    /** Explicit VR Big Endian (retired, still read and written). */
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            new TransferSyntax(UIDs.ExplicitVRBigEndian, true, true, false, false);
    /** Deflated Explicit VR Little Endian. */
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UIDs.DeflatedExplicitVRLittleEndian, true, false, true, false);

    /** Registered transfer syntaxes that are neither encapsulated nor one of the constants above. */
    private static final Map<String, TransferSyntax> SPECIAL = Map.of(
            IMPLICIT_VR_LITTLE_ENDIAN.uid, IMPLICIT_VR_LITTLE_ENDIAN,
            EXPLICIT_VR_LITTLE_ENDIAN.uid, EXPLICIT_VR_LITTLE_ENDIAN,
            EXPLICIT_VR_BIG_ENDIAN.uid, EXPLICIT_VR_BIG_ENDIAN,
            DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid, DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
            // JPIP referenced syntaxes carry no pixel data, only a URL: native explicit VR LE (or deflated).
            UIDs.JPIPReferenced, new TransferSyntax(UIDs.JPIPReferenced, true, false, false, false),
            UIDs.JPIPReferencedDeflate, new TransferSyntax(UIDs.JPIPReferencedDeflate, true, false, true, false),
            "1.2.840.10008.1.2.4.204", new TransferSyntax("1.2.840.10008.1.2.4.204", true, false, false, false),
            "1.2.840.10008.1.2.4.205", new TransferSyntax("1.2.840.10008.1.2.4.205", true, false, true, false),
            // Papyrus 3 Implicit VR Little Endian (retired).
            "1.2.840.10008.1.20", new TransferSyntax("1.2.840.10008.1.20", false, false, false, false));

    private final String uid;
    private final boolean explicitVr;
    private final boolean bigEndian;
    private final boolean deflated;
    private final boolean encapsulated;

    private TransferSyntax(String uid, boolean explicitVr, boolean bigEndian, boolean deflated, boolean encapsulated) {
        this.uid = uid;
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
        this.deflated = deflated;
        this.encapsulated = encapsulated;
    }

    /**
     * The transfer syntax of a UID. Registered compressed syntaxes, and any unknown (private) UID, are taken as
     * explicit VR little endian with encapsulated pixel data, which is what PS3.5 requires of them.
     */
    public static TransferSyntax forUid(String uid) {
        Objects.requireNonNull(uid, "uid");
        String u = uid.strip();
        TransferSyntax ts = SPECIAL.get(u);
        return ts != null ? ts : new TransferSyntax(u, true, false, false, true);
    }

    /** True if the UID is a registered transfer syntax. */
    public boolean isRegistered() {
        return "Transfer Syntax".equals(UidDictionary.typeOf(uid));
    }

    /** The UID. */
    public String uid() {
        return uid;
    }

    /** True if each element carries its VR. */
    public boolean isExplicitVr() {
        return explicitVr;
    }

    /** True for big endian byte order. */
    public boolean isBigEndian() {
        return bigEndian;
    }

    /** True if the data set (after the file meta information) is deflated. */
    public boolean isDeflated() {
        return deflated;
    }

    /** True if pixel data is encapsulated (compressed) fragments. */
    public boolean isEncapsulated() {
        return encapsulated;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransferSyntax t && t.uid.equals(uid);
    }

    @Override
    public int hashCode() {
        return uid.hashCode();
    }

    @Override
    public String toString() {
        return UidDictionary.nameOf(uid);
    }
}
