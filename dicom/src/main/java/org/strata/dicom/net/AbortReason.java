package org.strata.dicom.net;

/** A-ABORT source and reason codes (PS3.8 9.3.8). */
public final class AbortReason {
    public static final int SOURCE_USER = 0;
    public static final int SOURCE_PROVIDER = 2;

    public static final int NOT_SPECIFIED = 0;
    public static final int UNRECOGNIZED_PDU = 1;
    public static final int UNEXPECTED_PDU = 2;
    public static final int UNRECOGNIZED_PDU_PARAMETER = 4;
    public static final int UNEXPECTED_PDU_PARAMETER = 5;
    public static final int INVALID_PDU_PARAMETER_VALUE = 6;

    private AbortReason() {
    }

    /** Human-readable "source/reason" for logs and exception messages. */
    public static String describe(int source, int reason) {
        String s = switch (source) {
            case SOURCE_USER -> "service-user";
            case SOURCE_PROVIDER -> "service-provider";
            default -> "source " + source;
        };
        String r = switch (reason) {
            case NOT_SPECIFIED -> "reason not specified";
            case UNRECOGNIZED_PDU -> "unrecognized PDU";
            case UNEXPECTED_PDU -> "unexpected PDU";
            case UNRECOGNIZED_PDU_PARAMETER -> "unrecognized PDU parameter";
            case UNEXPECTED_PDU_PARAMETER -> "unexpected PDU parameter";
            case INVALID_PDU_PARAMETER_VALUE -> "invalid PDU parameter value";
            default -> "reason " + reason;
        };
        return s + ", " + r;
    }
}
