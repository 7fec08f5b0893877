package org.strata.dicom.data;

/**
 * Value Representations of PS3.5 §6.2 with the facts the encoder needs: explicit-VR header form,
 * padding byte, whether the value is text, and the size of one binary value.
 */
public enum VR {
    AE(Kind.TEXT, false, ' ', 0, true),
    AS(Kind.TEXT, false, ' ', 0, true),
    AT(Kind.BINARY, false, 0, 4, true),
    CS(Kind.TEXT, false, ' ', 0, true),
    DA(Kind.TEXT, false, ' ', 0, true),
    DS(Kind.TEXT, false, ' ', 0, true),
    DT(Kind.TEXT, false, ' ', 0, true),
    FL(Kind.BINARY, false, 0, 4, true),
    FD(Kind.BINARY, false, 0, 8, true),
    IS(Kind.TEXT, false, ' ', 0, true),
    LO(Kind.TEXT, false, ' ', 0, true),
    LT(Kind.TEXT, false, ' ', 0, false),
    OB(Kind.BINARY, true, 0, 1, false),
    OD(Kind.BINARY, true, 0, 8, false),
    OF(Kind.BINARY, true, 0, 4, false),
    OL(Kind.BINARY, true, 0, 4, false),
    OV(Kind.BINARY, true, 0, 8, false),
    OW(Kind.BINARY, true, 0, 2, false),
    PN(Kind.TEXT, false, ' ', 0, true),
    SH(Kind.TEXT, false, ' ', 0, true),
    SL(Kind.BINARY, false, 0, 4, true),
    SQ(Kind.SEQUENCE, true, 0, 0, false),
    SS(Kind.BINARY, false, 0, 2, true),
    ST(Kind.TEXT, false, ' ', 0, false),
    SV(Kind.BINARY, true, 0, 8, true),
    TM(Kind.TEXT, false, ' ', 0, true),
    UC(Kind.TEXT, true, ' ', 0, true),
    UI(Kind.TEXT, false, 0, 0, true),
    UL(Kind.BINARY, false, 0, 4, true),
    UN(Kind.BINARY, true, 0, 1, false),
    UR(Kind.TEXT, true, ' ', 0, false),
    US(Kind.BINARY, false, 0, 2, true),
    UT(Kind.TEXT, true, ' ', 0, false),
    UV(Kind.BINARY, true, 0, 8, true);

    private enum Kind { TEXT, BINARY, SEQUENCE }

    private static final VR[] BY_CODE = new VR[0x10000];

    static {
        for (VR vr : values()) {
            BY_CODE[vr.code] = vr;
        }
    }

    private final Kind kind;
    private final boolean longHeader;
    private final byte padding;
    private final int valueSize;
    private final boolean multiValued;
    private final int code;

    VR(Kind kind, boolean longHeader, int padding, int valueSize, boolean multiValued) {
        this.kind = kind;
        this.longHeader = longHeader;
        this.padding = (byte) padding;
        this.valueSize = valueSize;
        this.multiValued = multiValued;
        this.code = (name().charAt(0) << 8) | name().charAt(1);
    }

    /** The VR whose two ASCII characters are {@code code} (first character in the high byte), or null. */
    public static VR ofCode(int code) {
        return code < 0 || code > 0xFFFF ? null : BY_CODE[code];
    }

    /** The VR named {@code text} (e.g. "PN"), or null if it is no VR. */
    public static VR ofName(String text) {
        return text == null || text.length() != 2 ? null : ofCode((text.charAt(0) << 8) | text.charAt(1));
    }

    /** The two ASCII characters as one int, first character in the high byte. */
    public int code() {
        return code;
    }

    /** True if explicit-VR encoding has 2 reserved bytes and a 4-byte length (PS3.5 Table 7.1-1). */
    public boolean hasLongHeader() {
        return longHeader;
    }

    /** The byte that pads an odd-length value to even length. */
    public byte paddingByte() {
        return padding;
    }

    /** True for character-string VRs. */
    public boolean isText() {
        return kind == Kind.TEXT;
    }

    /** True for VRs whose value is binary numbers or bytes (including OB/OW/UN). */
    public boolean isBinary() {
        return kind == Kind.BINARY;
    }

    /** True for SQ. */
    public boolean isSequence() {
        return kind == Kind.SEQUENCE;
    }

    /** Size in bytes of one binary value (2 for US/SS/OW, 4 for AT/UL/SL/FL/OF/OL, 8 for FD/OD/OV/SV/UV); 1 for OB/UN; 0 for text. */
    public int valueSize() {
        return valueSize;
    }

    /** True if several values are allowed, separated by backslash in text VRs (false for LT, ST, UT, UR). */
    public boolean isMultiValued() {
        return multiValued;
    }

    /** True if the value's bytes depend on the Specific Character Set (PS3.5 §6.1.2.3). */
    public boolean usesSpecificCharacterSet() {
        return this == SH || this == LO || this == ST || this == LT || this == UC || this == UT || this == PN;
    }

    /** Size of the unit whose bytes are reversed between little and big endian (2 for AT: group and element). */
    public int byteSwapUnit() {
        return this == AT ? 2 : Math.max(valueSize, 1);
    }

    /** True if the byte order of the value depends on the transfer syntax (binary values wider than one byte). */
    public boolean isByteOrderSensitive() {
        return kind == Kind.BINARY && valueSize > 1;
    }
}
