package org.strata.dicom.net;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes the association PDUs of PS3.8 9.3 (everything but P-DATA-TF, which is streamed).
 * Decoding works on a PDU body already bounded by the reader; every length is checked against what is left.
 */
public final class PduCodec {
    public static final int A_ASSOCIATE_RQ = 0x01;
    public static final int A_ASSOCIATE_AC = 0x02;
    public static final int A_ASSOCIATE_RJ = 0x03;
    public static final int P_DATA_TF = 0x04;
    public static final int A_RELEASE_RQ = 0x05;
    public static final int A_RELEASE_RP = 0x06;
    public static final int A_ABORT = 0x07;

    private static final int ITEM_APPLICATION_CONTEXT = 0x10;
    private static final int ITEM_PC_RQ = 0x20;
    private static final int ITEM_PC_AC = 0x21;
    private static final int ITEM_ABSTRACT_SYNTAX = 0x30;
    private static final int ITEM_TRANSFER_SYNTAX = 0x40;
    private static final int ITEM_USER_INFO = 0x50;
    private static final int SUB_MAX_LENGTH = 0x51;
    private static final int SUB_IMPLEMENTATION_CLASS = 0x52;
    private static final int SUB_ASYNC_WINDOW = 0x53;
    private static final int SUB_ROLE_SELECTION = 0x54;
    private static final int SUB_IMPLEMENTATION_VERSION = 0x55;
    private static final int SUB_EXTENDED_NEGOTIATION = 0x56;
    private static final int SUB_COMMON_EXTENDED_NEGOTIATION = 0x57;
    private static final int SUB_USER_IDENTITY_RQ = 0x58;
    private static final int SUB_USER_IDENTITY_AC = 0x59;

    private PduCodec() {
    }

    // ---------------------------------------------------------------- encoding

    public static byte[] encode(AssociateRequest rq) {
        Out out = new Out();
        writeFixedPart(out, rq);
        for (PresentationContext pc : rq.presentationContexts()) {
            Out item = new Out();
            item.u8(pc.id()).u8(0).u8(0).u8(0);
            item.item16(ITEM_ABSTRACT_SYNTAX, ascii(pc.abstractSyntax()));
            for (String ts : pc.transferSyntaxes()) {
                item.item16(ITEM_TRANSFER_SYNTAX, ascii(ts));
            }
            out.item16(ITEM_PC_RQ, item.toByteArray());
        }
        Out ui = userInfoCommon(rq);
        for (CommonExtendedNegotiation c : rq.commonExtendedNegotiations()) {
            Out sub = new Out();
            sub.lv16(ascii(c.sopClass())).lv16(ascii(c.serviceClass()));
            Out related = new Out();
            for (String uid : c.relatedGeneralSopClasses()) {
                related.lv16(ascii(uid));
            }
            sub.lv16(related.toByteArray());
            ui.item16(SUB_COMMON_EXTENDED_NEGOTIATION, sub.toByteArray());
        }
        UserIdentity id = rq.userIdentity();
        if (id != null) {
            Out sub = new Out();
            sub.u8(id.type()).u8(id.positiveResponseRequested() ? 1 : 0)
                    .lv16(id.primaryField()).lv16(id.secondaryField());
            ui.item16(SUB_USER_IDENTITY_RQ, sub.toByteArray());
        }
        out.item16(ITEM_USER_INFO, ui.toByteArray());
        return pdu(A_ASSOCIATE_RQ, out.toByteArray());
    }

    public static byte[] encode(AssociateAccept ac) {
        Out out = new Out();
        writeFixedPart(out, ac);
        for (PresentationContext pc : ac.presentationContexts()) {
            Out item = new Out();
            item.u8(pc.id()).u8(0).u8(pc.result()).u8(0);
            // A rejected context still carries a transfer syntax sub-item, whose value is then not significant.
            String ts = pc.transferSyntax();
            item.item16(ITEM_TRANSFER_SYNTAX, ts == null ? new byte[0] : ascii(ts));
            out.item16(ITEM_PC_AC, item.toByteArray());
        }
        Out ui = userInfoCommon(ac);
        byte[] response = ac.userIdentityServerResponse();
        if (response != null) {
            ui.item16(SUB_USER_IDENTITY_AC, new Out().lv16(response).toByteArray());
        }
        out.item16(ITEM_USER_INFO, ui.toByteArray());
        return pdu(A_ASSOCIATE_AC, out.toByteArray());
    }

    public static byte[] encode(AssociateReject rj) {
        return pdu(A_ASSOCIATE_RJ, new byte[] {0, (byte) rj.result(), (byte) rj.source(), (byte) rj.reason()});
    }

    public static byte[] releaseRequest() {
        return pdu(A_RELEASE_RQ, new byte[4]);
    }

    public static byte[] releaseResponse() {
        return pdu(A_RELEASE_RP, new byte[4]);
    }

    public static byte[] abort(int source, int reason) {
        return pdu(A_ABORT, new byte[] {0, 0, (byte) source, (byte) reason});
    }

    private static void writeFixedPart(Out out, AssociateParameters p) {
        out.u16(p.protocolVersion()).u16(0);
        out.bytes(aeTitle(p.calledAeTitle())).bytes(aeTitle(p.callingAeTitle()));
        out.bytes(new byte[32]);
        out.item16(ITEM_APPLICATION_CONTEXT, ascii(p.applicationContext()));
    }

    private static Out userInfoCommon(AssociateParameters p) {
        Out ui = new Out();
        ui.item16(SUB_MAX_LENGTH, new Out().u32(p.maxPduLength()).toByteArray());
        ui.item16(SUB_IMPLEMENTATION_CLASS, ascii(p.implementationClassUid()));
        if (p.maxOpsInvoked() != 1 || p.maxOpsPerformed() != 1) {
            ui.item16(SUB_ASYNC_WINDOW, new Out().u16(p.maxOpsInvoked()).u16(p.maxOpsPerformed()).toByteArray());
        }
        for (RoleSelection r : p.roleSelections()) {
            ui.item16(SUB_ROLE_SELECTION, new Out().lv16(ascii(r.sopClass()))
                    .u8(r.scu() ? 1 : 0).u8(r.scp() ? 1 : 0).toByteArray());
        }
        if (p.implementationVersionName() != null) {
            ui.item16(SUB_IMPLEMENTATION_VERSION, ascii(p.implementationVersionName()));
        }
        for (ExtendedNegotiation e : p.extendedNegotiations()) {
            ui.item16(SUB_EXTENDED_NEGOTIATION, new Out().lv16(ascii(e.sopClass())).bytes(e.info()).toByteArray());
        }
        return ui;
    }

    private static byte[] pdu(int type, byte[] body) {
        byte[] pdu = new byte[6 + body.length];
        pdu[0] = (byte) type;
        putInt(pdu, 2, body.length);
        System.arraycopy(body, 0, pdu, 6, body.length);
        return pdu;
    }

    static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    private static byte[] aeTitle(String title) {
        byte[] b = new byte[16];
        java.util.Arrays.fill(b, (byte) ' ');
        byte[] t = ascii(title);
        if (t.length > 16 || t.length == 0) {
            throw new IllegalArgumentException("AE title must have 1 to 16 characters: '" + title + "'");
        }
        System.arraycopy(t, 0, b, 0, t.length);
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    // ---------------------------------------------------------------- decoding

    public static AssociateRequest decodeAssociateRequest(byte[] body) throws PduFormatException {
        AssociateRequest rq = new AssociateRequest();
        In in = new In(body, "A-ASSOCIATE-RQ");
        decodeFixedPart(in, rq);
        boolean userInfo = false;
        while (in.remaining() > 0) {
            int type = in.u8();
            in.u8();
            In item = in.sub(in.u16(), type);
            switch (type) {
                case ITEM_APPLICATION_CONTEXT -> rq.setApplicationContext(item.uid());
                case ITEM_PC_RQ -> rq.presentationContexts().add(decodeProposedContext(item));
                case ITEM_USER_INFO -> {
                    decodeUserInfo(item, rq);
                    userInfo = true;
                }
                default -> throw new PduFormatException(AbortReason.UNRECOGNIZED_PDU_PARAMETER,
                        "A-ASSOCIATE-RQ: unknown item type 0x" + Integer.toHexString(type));
            }
        }
        requireBasics(rq, userInfo, "A-ASSOCIATE-RQ");
        return rq;
    }

    public static AssociateAccept decodeAssociateAccept(byte[] body) throws PduFormatException {
        AssociateAccept ac = new AssociateAccept();
        In in = new In(body, "A-ASSOCIATE-AC");
        decodeFixedPart(in, ac);
        boolean userInfo = false;
        while (in.remaining() > 0) {
            int type = in.u8();
            in.u8();
            In item = in.sub(in.u16(), type);
            switch (type) {
                case ITEM_APPLICATION_CONTEXT -> ac.setApplicationContext(item.uid());
                case ITEM_PC_AC -> {
                    int id = item.u8();
                    item.u8();
                    int result = item.u8();
                    item.u8();
                    String ts = null;
                    while (item.remaining() > 0) {
                        int subType = item.u8();
                        item.u8();
                        In sub = item.sub(item.u16(), subType);
                        if (subType != ITEM_TRANSFER_SYNTAX) {
                            throw new PduFormatException(AbortReason.UNEXPECTED_PDU_PARAMETER,
                                    "A-ASSOCIATE-AC: unexpected sub-item 0x" + Integer.toHexString(subType)
                                            + " in presentation context " + id);
                        }
                        // The transfer syntax of a rejected context is not significant (often empty).
                        ts = result == PresentationContext.ACCEPTANCE ? sub.uid() : null;
                    }
                    ac.presentationContexts().add(result == PresentationContext.ACCEPTANCE && ts != null
                            ? PresentationContext.accepted(id, ts) : PresentationContext.rejected(id, result));
                }
                case ITEM_USER_INFO -> {
                    decodeUserInfo(item, ac);
                    userInfo = true;
                }
                default -> throw new PduFormatException(AbortReason.UNRECOGNIZED_PDU_PARAMETER,
                        "A-ASSOCIATE-AC: unknown item type 0x" + Integer.toHexString(type));
            }
        }
        requireBasics(ac, userInfo, "A-ASSOCIATE-AC");
        return ac;
    }

    public static AssociateReject decodeAssociateReject(byte[] body) throws PduFormatException {
        if (body.length != 4) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "A-ASSOCIATE-RJ: length " + body.length + " instead of 4");
        }
        return new AssociateReject(body[1] & 0xFF, body[2] & 0xFF, body[3] & 0xFF);
    }

    private static void requireBasics(AssociateParameters p, boolean userInfo, String what) throws PduFormatException {
        if (p.applicationContext() == null) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE, what + ": no application context");
        }
        if (!userInfo) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE, what + ": no user information item");
        }
    }

    private static void decodeFixedPart(In in, AssociateParameters p) throws PduFormatException {
        p.setProtocolVersion(in.u16());
        in.u16();
        p.setCalledAeTitle(in.aeTitle());
        p.setCallingAeTitle(in.aeTitle());
        in.skip(32);
        p.setApplicationContext(null);
    }

    private static PresentationContext decodeProposedContext(In item) throws PduFormatException {
        int id = item.u8();
        item.skip(3);
        String abstractSyntax = null;
        List<String> transferSyntaxes = new ArrayList<>();
        while (item.remaining() > 0) {
            int type = item.u8();
            item.u8();
            In sub = item.sub(item.u16(), type);
            switch (type) {
                case ITEM_ABSTRACT_SYNTAX -> abstractSyntax = sub.uid();
                case ITEM_TRANSFER_SYNTAX -> transferSyntaxes.add(sub.uid());
                default -> throw new PduFormatException(AbortReason.UNEXPECTED_PDU_PARAMETER,
                        "A-ASSOCIATE-RQ: unexpected sub-item 0x" + Integer.toHexString(type)
                                + " in presentation context " + id);
            }
        }
        if (abstractSyntax == null || transferSyntaxes.isEmpty() || (id & 1) == 0) {
            throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "A-ASSOCIATE-RQ: presentation context " + id
                            + " needs an odd id, an abstract syntax and at least one transfer syntax");
        }
        return new PresentationContext(id, abstractSyntax, transferSyntaxes, PresentationContext.ACCEPTANCE);
    }

    private static void decodeUserInfo(In ui, AssociateParameters p) throws PduFormatException {
        while (ui.remaining() > 0) {
            int type = ui.u8();
            ui.u8();
            In sub = ui.sub(ui.u16(), type);
            switch (type) {
                case SUB_MAX_LENGTH -> p.setMaxPduLength(sub.u32());
                case SUB_IMPLEMENTATION_CLASS -> p.setImplementationClassUid(sub.uid());
                case SUB_ASYNC_WINDOW -> p.setAsyncOpsWindow(sub.u16(), sub.u16());
                case SUB_ROLE_SELECTION -> {
                    String uid = sub.sub(sub.u16(), type).uid();
                    p.roleSelections().add(new RoleSelection(uid, sub.u8() == 1, sub.u8() == 1));
                }
                case SUB_IMPLEMENTATION_VERSION -> p.setImplementationVersionName(sub.text());
                case SUB_EXTENDED_NEGOTIATION -> {
                    String uid = sub.sub(sub.u16(), type).uid();
                    p.extendedNegotiations().add(new ExtendedNegotiation(uid, sub.rest()));
                }
                case SUB_COMMON_EXTENDED_NEGOTIATION -> {
                    if (p instanceof AssociateRequest rq) {
                        String sop = sub.sub(sub.u16(), type).uid();
                        String service = sub.sub(sub.u16(), type).uid();
                        In related = sub.sub(sub.u16(), type);
                        List<String> uids = new ArrayList<>();
                        while (related.remaining() > 0) {
                            uids.add(related.sub(related.u16(), type).uid());
                        }
                        rq.commonExtendedNegotiations().add(new CommonExtendedNegotiation(sop, service, uids));
                    }
                }
                case SUB_USER_IDENTITY_RQ -> {
                    if (p instanceof AssociateRequest rq) {
                        int idType = sub.u8();
                        boolean positive = sub.u8() == 1;
                        byte[] primary = sub.sub(sub.u16(), type).rest();
                        byte[] secondary = sub.sub(sub.u16(), type).rest();
                        rq.setUserIdentity(new UserIdentity(idType, positive, primary, secondary));
                    }
                }
                case SUB_USER_IDENTITY_AC -> {
                    if (p instanceof AssociateAccept ac) {
                        ac.setUserIdentityServerResponse(sub.sub(sub.u16(), type).rest());
                    }
                }
                default -> {
                    // PS3.7 D.3.3: user information sub-items we do not know are ignored.
                }
            }
        }
    }

    /** Bounded big-endian reader over a PDU body; running past the end is a checked PDU error. */
    private static final class In {
        private final byte[] b;
        private int pos;
        private final int end;
        private final String what;

        In(byte[] b, String what) {
            this(b, 0, b.length, what);
        }

        private In(byte[] b, int pos, int end, String what) {
            this.b = b;
            this.pos = pos;
            this.end = end;
            this.what = what;
        }

        int remaining() {
            return end - pos;
        }

        private void need(int n) throws PduFormatException {
            if (n > end - pos) {
                throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                        what + ": item length exceeds its enclosing length at offset " + pos);
            }
        }

        int u8() throws PduFormatException {
            need(1);
            return b[pos++] & 0xFF;
        }

        int u16() throws PduFormatException {
            need(2);
            int v = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
            pos += 2;
            return v;
        }

        long u32() throws PduFormatException {
            need(4);
            long v = ((long) (b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8)
                    | (b[pos + 3] & 0xFF);
            pos += 4;
            return v;
        }

        void skip(int n) throws PduFormatException {
            need(n);
            pos += n;
        }

        In sub(int length, int type) throws PduFormatException {
            need(length);
            In s = new In(b, pos, pos + length, what + " item 0x" + Integer.toHexString(type));
            pos += length;
            return s;
        }

        byte[] rest() {
            byte[] r = java.util.Arrays.copyOfRange(b, pos, end);
            pos = end;
            return r;
        }

        String text() {
            String s = new String(b, pos, end - pos, StandardCharsets.US_ASCII);
            pos = end;
            return s;
        }

        String uid() throws PduFormatException {
            String s = trimPadding(text());
            if (s.isEmpty() || s.length() > 64) {
                throw new PduFormatException(AbortReason.INVALID_PDU_PARAMETER_VALUE, what + ": invalid UID '" + s + "'");
            }
            return s;
        }

        String aeTitle() throws PduFormatException {
            need(16);
            String s = new String(b, pos, 16, StandardCharsets.US_ASCII).trim();
            pos += 16;
            return s;
        }

        private static String trimPadding(String s) {
            int n = s.length();
            while (n > 0 && (s.charAt(n - 1) == 0 || s.charAt(n - 1) == ' ')) {
                n--;
            }
            return s.substring(0, n);
        }
    }

    /** Big-endian writer for PDU items. */
    private static final class Out extends ByteArrayOutputStream {
        Out u8(int v) {
            write(v);
            return this;
        }

        Out u16(int v) {
            write(v >>> 8);
            write(v);
            return this;
        }

        Out u32(long v) {
            u16((int) (v >>> 16));
            return u16((int) v);
        }

        Out bytes(byte[] b) {
            writeBytes(b);
            return this;
        }

        Out lv16(byte[] b) {
            if (b.length > 0xFFFF) {
                throw new IllegalArgumentException("field longer than 65535 bytes");
            }
            return u16(b.length).bytes(b);
        }

        Out item16(int type, byte[] value) {
            return u8(type).u8(0).lv16(value);
        }
    }
}
