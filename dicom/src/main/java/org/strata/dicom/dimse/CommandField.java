package org.strata.dicom.dimse;

/** Command Field (0000,0100) values of PS3.7 Annex E. */
public final class CommandField {
    public static final int C_STORE_RQ = 0x0001;
    public static final int C_STORE_RSP = 0x8001;
    public static final int C_GET_RQ = 0x0010;
    public static final int C_GET_RSP = 0x8010;
    public static final int C_FIND_RQ = 0x0020;
    public static final int C_FIND_RSP = 0x8020;
    public static final int C_MOVE_RQ = 0x0021;
    public static final int C_MOVE_RSP = 0x8021;
    public static final int C_ECHO_RQ = 0x0030;
    public static final int C_ECHO_RSP = 0x8030;
    public static final int N_EVENT_REPORT_RQ = 0x0100;
    public static final int N_EVENT_REPORT_RSP = 0x8100;
    public static final int N_GET_RQ = 0x0110;
    public static final int N_GET_RSP = 0x8110;
    public static final int N_SET_RQ = 0x0120;
    public static final int N_SET_RSP = 0x8120;
    public static final int N_ACTION_RQ = 0x0130;
    public static final int N_ACTION_RSP = 0x8130;
    public static final int N_CREATE_RQ = 0x0140;
    public static final int N_CREATE_RSP = 0x8140;
    public static final int N_DELETE_RQ = 0x0150;
    public static final int N_DELETE_RSP = 0x8150;
    public static final int C_CANCEL_RQ = 0x0FFF;

    private CommandField() {
    }

    public static boolean isResponse(int field) {
        return (field & 0x8000) != 0;
    }

    /** The response field answering a request field. */
    public static int responseOf(int requestField) {
        return requestField | 0x8000;
    }

    public static String name(int field) {
        String base = switch (field & 0x7FFF) {
            case 0x0001 -> "C-STORE";
            case 0x0010 -> "C-GET";
            case 0x0020 -> "C-FIND";
            case 0x0021 -> "C-MOVE";
            case 0x0030 -> "C-ECHO";
            case 0x0100 -> "N-EVENT-REPORT";
            case 0x0110 -> "N-GET";
            case 0x0120 -> "N-SET";
            case 0x0130 -> "N-ACTION";
            case 0x0140 -> "N-CREATE";
            case 0x0150 -> "N-DELETE";
            case 0x0FFF -> "C-CANCEL";
            default -> String.format("command 0x%04X", field & 0x7FFF);
        };
        return base + (isResponse(field) ? "-RSP" : "-RQ");
    }
}
