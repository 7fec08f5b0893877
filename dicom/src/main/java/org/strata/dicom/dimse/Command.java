package org.strata.dicom.dimse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A DIMSE command set: group 0000 elements, always encoded implicit VR little endian (PS3.7 6.3, Annex E).
 * Values are kept as raw bytes; typed access knows the VR of each command element.
 */
public final class Command {
    public static final int COMMAND_GROUP_LENGTH = 0x00000000;
    public static final int AFFECTED_SOP_CLASS_UID = 0x00000002;
    public static final int REQUESTED_SOP_CLASS_UID = 0x00000003;
    public static final int COMMAND_FIELD = 0x00000100;
    public static final int MESSAGE_ID = 0x00000110;
    public static final int MESSAGE_ID_BEING_RESPONDED_TO = 0x00000120;
    public static final int MOVE_DESTINATION = 0x00000600;
    public static final int PRIORITY = 0x00000700;
    public static final int COMMAND_DATA_SET_TYPE = 0x00000800;
    public static final int STATUS = 0x00000900;
    public static final int OFFENDING_ELEMENT = 0x00000901;
    public static final int ERROR_COMMENT = 0x00000902;
    public static final int ERROR_ID = 0x00000903;
    public static final int AFFECTED_SOP_INSTANCE_UID = 0x00001000;
    public static final int REQUESTED_SOP_INSTANCE_UID = 0x00001001;
    public static final int EVENT_TYPE_ID = 0x00001002;
    public static final int ATTRIBUTE_IDENTIFIER_LIST = 0x00001005;
    public static final int ACTION_TYPE_ID = 0x00001008;
    public static final int NUMBER_OF_REMAINING_SUBOPERATIONS = 0x00001020;
    public static final int NUMBER_OF_COMPLETED_SUBOPERATIONS = 0x00001021;
    public static final int NUMBER_OF_FAILED_SUBOPERATIONS = 0x00001022;
    public static final int NUMBER_OF_WARNING_SUBOPERATIONS = 0x00001023;
    public static final int MOVE_ORIGINATOR_AE_TITLE = 0x00001030;
    public static final int MOVE_ORIGINATOR_MESSAGE_ID = 0x00001031;

    /** Command Data Set Type value meaning "no data set follows". */
    public static final int NO_DATA_SET = 0x0101;
    /** A value meaning "a data set follows" (any value other than 0x0101 does). */
    public static final int DATA_SET_PRESENT = 0x0000;

    public static final int PRIORITY_MEDIUM = 0;
    public static final int PRIORITY_HIGH = 1;
    public static final int PRIORITY_LOW = 2;

    private final TreeMap<Integer, byte[]> values = new TreeMap<>(Integer::compareUnsigned);

    /** A new request or response with its command field, message id (or id responded to) and data set flag. */
    public static Command create(int commandField, int messageId, boolean hasDataSet) {
        Command c = new Command();
        c.setInt(COMMAND_FIELD, commandField);
        c.setInt(CommandField.isResponse(commandField) ? MESSAGE_ID_BEING_RESPONDED_TO : MESSAGE_ID, messageId);
        c.setInt(COMMAND_DATA_SET_TYPE, hasDataSet ? DATA_SET_PRESENT : NO_DATA_SET);
        return c;
    }

    /** The response to this request, carrying its SOP class/instance and message id. */
    public Command response(int status, boolean hasDataSet) {
        Command r = create(CommandField.responseOf(commandField()), messageId(), hasDataSet);
        String cuid = getString(AFFECTED_SOP_CLASS_UID);
        if (cuid == null) {
            cuid = getString(REQUESTED_SOP_CLASS_UID);
        }
        if (cuid != null) {
            r.setString(AFFECTED_SOP_CLASS_UID, cuid);
        }
        String iuid = getString(AFFECTED_SOP_INSTANCE_UID);
        if (iuid == null) {
            iuid = getString(REQUESTED_SOP_INSTANCE_UID);
        }
        if (iuid != null && commandField() != CommandField.C_FIND_RQ && commandField() != CommandField.C_MOVE_RQ
                && commandField() != CommandField.C_GET_RQ) {
            r.setString(AFFECTED_SOP_INSTANCE_UID, iuid);
        }
        r.setInt(STATUS, status);
        return r;
    }

    public int commandField() {
        return getInt(COMMAND_FIELD, -1);
    }

    public int messageId() {
        return getInt(MESSAGE_ID, -1);
    }

    public int messageIdBeingRespondedTo() {
        return getInt(MESSAGE_ID_BEING_RESPONDED_TO, -1);
    }

    public boolean hasDataSet() {
        return getInt(COMMAND_DATA_SET_TYPE, NO_DATA_SET) != NO_DATA_SET;
    }

    public int status() {
        return getInt(STATUS, -1);
    }

    /** The SOP class the message is about: affected or, for N-services requests, requested. */
    public String sopClassUid() {
        String s = getString(AFFECTED_SOP_CLASS_UID);
        return s != null ? s : getString(REQUESTED_SOP_CLASS_UID);
    }

    /** The SOP instance the message is about: affected or requested. */
    public String sopInstanceUid() {
        String s = getString(AFFECTED_SOP_INSTANCE_UID);
        return s != null ? s : getString(REQUESTED_SOP_INSTANCE_UID);
    }

    public boolean contains(int tag) {
        return values.containsKey(tag);
    }

    /** US or UL value, or {@code absent} if the element is missing or empty. */
    public int getInt(int tag, int absent) {
        byte[] v = values.get(tag);
        if (v == null || v.length < 2) {
            return absent;
        }
        if (v.length >= 4 && vrOf(tag) == 'L') {
            return (v[0] & 0xFF) | (v[1] & 0xFF) << 8 | (v[2] & 0xFF) << 16 | (v[3] & 0xFF) << 24;
        }
        return (v[0] & 0xFF) | (v[1] & 0xFF) << 8;
    }

    /** A string value (UI, AE, LO...) without padding, or null if missing. */
    public String getString(int tag) {
        byte[] v = values.get(tag);
        if (v == null) {
            return null;
        }
        int n = v.length;
        while (n > 0 && (v[n - 1] == 0 || v[n - 1] == ' ')) {
            n--;
        }
        int start = 0;
        while (start < n && v[start] == ' ') {
            start++;
        }
        return new String(v, start, n - start, StandardCharsets.ISO_8859_1);
    }

    /** AT values (e.g. Offending Element, Attribute Identifier List) as tags. */
    public int[] getTags(int tag) {
        byte[] v = values.get(tag);
        if (v == null) {
            return new int[0];
        }
        int[] tags = new int[v.length / 4];
        for (int i = 0; i < tags.length; i++) {
            int o = 4 * i;
            int group = (v[o] & 0xFF) | (v[o + 1] & 0xFF) << 8;
            int element = (v[o + 2] & 0xFF) | (v[o + 3] & 0xFF) << 8;
            tags[i] = group << 16 | element;
        }
        return tags;
    }

    public Command setInt(int tag, int value) {
        if (vrOf(tag) == 'L') {
            values.put(tag, new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)});
        } else {
            values.put(tag, new byte[] {(byte) value, (byte) (value >>> 8)});
        }
        return this;
    }

    /** Sets a string value, padded to even length (UIDs with NUL, other VRs with space). */
    public Command setString(int tag, String value) {
        byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
        if ((b.length & 1) != 0) {
            byte[] padded = java.util.Arrays.copyOf(b, b.length + 1);
            padded[b.length] = (byte) (vrOf(tag) == 'U' ? 0 : ' ');
            b = padded;
        }
        values.put(tag, b);
        return this;
    }

    public Command setTags(int tag, int... tags) {
        byte[] b = new byte[tags.length * 4];
        for (int i = 0; i < tags.length; i++) {
            int t = tags[i];
            b[4 * i] = (byte) (t >>> 16);
            b[4 * i + 1] = (byte) (t >>> 24);
            b[4 * i + 2] = (byte) t;
            b[4 * i + 3] = (byte) (t >>> 8);
        }
        values.put(tag, b);
        return this;
    }

    public Command remove(int tag) {
        values.remove(tag);
        return this;
    }

    /** 'U' for UI, 'L' for UL, 'S' for US, 'A' for AT, 'T' for text VRs (AE, LO). */
    private static char vrOf(int tag) {
        return switch (tag) {
            case AFFECTED_SOP_CLASS_UID, REQUESTED_SOP_CLASS_UID, AFFECTED_SOP_INSTANCE_UID,
                 REQUESTED_SOP_INSTANCE_UID -> 'U';
            case COMMAND_GROUP_LENGTH -> 'L';
            case OFFENDING_ELEMENT, ATTRIBUTE_IDENTIFIER_LIST -> 'A';
            case MOVE_DESTINATION, ERROR_COMMENT, MOVE_ORIGINATOR_AE_TITLE -> 'T';
            default -> 'S';
        };
    }

    /** Encodes implicit VR little endian with a correct Command Group Length first. */
    public byte[] encode() {
        values.remove(COMMAND_GROUP_LENGTH);
        int length = 0;
        for (byte[] v : values.values()) {
            length += 8 + v.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(12 + length);
        writeElement(out, COMMAND_GROUP_LENGTH, new byte[] {(byte) length, (byte) (length >>> 8),
                (byte) (length >>> 16), (byte) (length >>> 24)});
        for (Map.Entry<Integer, byte[]> e : values.entrySet()) {
            writeElement(out, e.getKey(), e.getValue());
        }
        return out.toByteArray();
    }

    private static void writeElement(ByteArrayOutputStream out, int tag, byte[] value) {
        int len = value.length;
        out.write(tag >>> 16);
        out.write(tag >>> 24);
        out.write(tag);
        out.write(tag >>> 8);
        out.write(len);
        out.write(len >>> 8);
        out.write(len >>> 16);
        out.write(len >>> 24);
        out.writeBytes(value);
    }

    /** Decodes a command set; anything outside group 0000 or any length overrun is an error. */
    public static Command decode(byte[] b) throws DimseException {
        Command c = new Command();
        int pos = 0;
        while (pos < b.length) {
            if (b.length - pos < 8) {
                throw new DimseException("command set truncated in an element header at offset " + pos);
            }
            int group = (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
            int element = (b[pos + 2] & 0xFF) | (b[pos + 3] & 0xFF) << 8;
            long len = (b[pos + 4] & 0xFFL) | (b[pos + 5] & 0xFFL) << 8 | (b[pos + 6] & 0xFFL) << 16
                    | (b[pos + 7] & 0xFFL) << 24;
            pos += 8;
            if (group != 0) {
                throw new DimseException(String.format("command set holds (%04X,%04X) outside group 0000",
                        group, element));
            }
            if (len > b.length - pos) {
                throw new DimseException(String.format("command element (0000,%04X) length %d exceeds the %d bytes"
                        + " left", element, len, b.length - pos));
            }
            c.values.put(element, java.util.Arrays.copyOfRange(b, pos, pos + (int) len));
            pos += (int) len;
        }
        if (c.commandField() < 0) {
            throw new DimseException("command set without Command Field (0000,0100)");
        }
        c.values.remove(COMMAND_GROUP_LENGTH);
        return c;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(CommandField.name(commandField()));
        sb.append('[');
        if (CommandField.isResponse(commandField())) {
            sb.append("rsp-to=").append(messageIdBeingRespondedTo()).append(", status=")
                    .append(Status.toString(status()));
        } else {
            sb.append("id=").append(messageId());
        }
        if (sopClassUid() != null) {
            sb.append(", class=").append(sopClassUid());
        }
        if (sopInstanceUid() != null) {
            sb.append(", instance=").append(sopInstanceUid());
        }
        String comment = getString(ERROR_COMMENT);
        if (comment != null) {
            sb.append(", comment=").append(comment);
        }
        return sb.append(']').toString();
    }
}
