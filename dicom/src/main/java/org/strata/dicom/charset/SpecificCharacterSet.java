package org.strata.dicom.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The character repertoire(s) named by Specific Character Set (0008,0005), PS3.3 C.12.1.1.2 and PS3.5 §6.1:
 * single-byte ISO_IR terms, ISO 2022 code extensions with escape-sequence switching, GB18030, GBK and
 * UTF-8. Decodes value bytes to text and encodes text to bytes. In ISO 2022 mode the designations return
 * to their initial state at every value delimiter and control character, and for person names also at
 * the component ({@code ^}) and component-group ({@code =}) delimiters, as PS3.5 §6.1.2.5.3 requires.
 * The JDK's charsets serve only as tables for the individual repertoires; the switching is done here.
 */
public final class SpecificCharacterSet {

    /** The default repertoire (no Specific Character Set): ASCII; stray high bytes decode as Latin-1. */
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(new String[0], Repertoire.ASCII,
            null, true, List.of());

    private static final byte ESC = 0x1B;

    /** One code element that can be designated to G0 or G1. */
    enum Repertoire {
        ASCII("ISO_IR 6", "ISO 2022 IR 6", false, "(B", "ISO-8859-1", 1),
        LATIN1("ISO_IR 100", "ISO 2022 IR 100", true, "-A", "ISO-8859-1", 1),
        LATIN2("ISO_IR 101", "ISO 2022 IR 101", true, "-B", "ISO-8859-2", 1),
        LATIN3("ISO_IR 109", "ISO 2022 IR 109", true, "-C", "ISO-8859-3", 1),
        LATIN4("ISO_IR 110", "ISO 2022 IR 110", true, "-D", "ISO-8859-4", 1),
        CYRILLIC("ISO_IR 144", "ISO 2022 IR 144", true, "-L", "ISO-8859-5", 1),
        ARABIC("ISO_IR 127", "ISO 2022 IR 127", true, "-G", "ISO-8859-6", 1),
        GREEK("ISO_IR 126", "ISO 2022 IR 126", true, "-F", "ISO-8859-7", 1),
        HEBREW("ISO_IR 138", "ISO 2022 IR 138", true, "-H", "ISO-8859-8", 1),
        LATIN5("ISO_IR 148", "ISO 2022 IR 148", true, "-M", "ISO-8859-9", 1),
        LATIN9("ISO_IR 203", "ISO 2022 IR 203", true, "-b", "ISO-8859-15", 1),
        THAI("ISO_IR 166", "ISO 2022 IR 166", true, "-T", "x-iso-8859-11", 1),
        /** JIS X 0201 Katakana (G1); its G0 half (Romaji) is {@link #JIS_ROMAN}. */
        KATAKANA("ISO_IR 13", "ISO 2022 IR 13", true, ")I", "JIS_X0201", 1),
        JIS_ROMAN(null, null, false, "(J", "JIS_X0201", 1),
        /** JIS X 0208 (G0, two bytes 0x21-0x7E), decoded via EUC-JP. */
        JIS_X0208(null, "ISO 2022 IR 87", false, "$B", "EUC-JP", 2),
        /** JIS X 0212 (G0, two bytes), decoded via EUC-JP's 0x8F single shift. */
        JIS_X0212(null, "ISO 2022 IR 159", false, "$(D", "EUC-JP", 2),
        /** KS X 1001 (G1, two bytes 0xA1-0xFE), decoded via EUC-KR. */
        KS_X1001(null, "ISO 2022 IR 149", true, "$)C", "EUC-KR", 2),
        /** GB 2312 (G1, two bytes 0xA1-0xFE), decoded via EUC-CN. */
        GB2312(null, "ISO 2022 IR 58", true, "$)A", "GB2312", 2);

        final String plainTerm;
        final String extensionTerm;
        final boolean g1;
        final byte[] escape;
        final Charset charset;
        final int width;

        Repertoire(String plainTerm, String extensionTerm, boolean g1, String escape, String charset, int width) {
            this.plainTerm = plainTerm;
            this.extensionTerm = extensionTerm;
            this.g1 = g1;
            this.escape = escape.getBytes(StandardCharsets.US_ASCII);
            this.charset = Charset.forName(charset);
            this.width = width;
        }
    }

    private final String[] terms;
    private final Repertoire initialG1;
    private final Charset whole;
    private final boolean iso2022;
    private final List<Repertoire> extensions;
    private final boolean initialRoman;

    private SpecificCharacterSet(String[] terms, Repertoire initialG1, Charset whole, boolean iso2022,
                                 List<Repertoire> extensions) {
        this.terms = terms;
        this.initialG1 = initialG1;
        this.whole = whole;
        this.iso2022 = iso2022;
        this.extensions = extensions;
        this.initialRoman = initialG1 == Repertoire.KATAKANA;
    }

    /**
     * The character set for the values of Specific Character Set. Unknown terms are ignored (see
     * {@link #unknownTerms}); the first value may be empty (meaning the default repertoire).
     */
    public static SpecificCharacterSet of(String... values) {
        if (values == null || values.length == 0 || (values.length == 1 && values[0].isBlank())) {
            return DEFAULT;
        }
        String[] terms = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            terms[i] = values[i] == null ? "" : values[i].trim().toUpperCase(Locale.ROOT);
        }
        String first = terms[0];
        if (terms.length == 1) {
            switch (first) {
                case "ISO_IR 192":
                    return new SpecificCharacterSet(terms, null, StandardCharsets.UTF_8, false, List.of());
                case "GB18030":
                    return new SpecificCharacterSet(terms, null, Charset.forName("GB18030"), false, List.of());
                case "GBK":
                    return new SpecificCharacterSet(terms, null, Charset.forName("GBK"), false, List.of());
                default:
                    break;
            }
            Repertoire single = byTerm(first, false);
            if (single != null && single != Repertoire.ASCII && single != Repertoire.KATAKANA) {
                return new SpecificCharacterSet(terms, single, single.charset, false, List.of());
            }
        }
        // ISO 2022 code extensions, or a single ISO_IR 6 / ISO_IR 13 (same decoding rules).
        List<Repertoire> extensions = new ArrayList<>();
        Repertoire initial = null;
        for (int i = 0; i < terms.length; i++) {
            Repertoire r = byTerm(terms[i], true);
            if (r == null) {
                continue;
            }
            if (i == 0 && r.width == 1) {
                initial = r;
            }
            if (!extensions.contains(r)) {
                extensions.add(r);
            }
        }
        return new SpecificCharacterSet(terms, initial == null ? Repertoire.ASCII : initial, null, true,
                List.copyOf(extensions));
    }

    private static Repertoire byTerm(String term, boolean allowExtension) {
        if (term.isEmpty()) {
            return Repertoire.ASCII;
        }
        for (Repertoire r : Repertoire.values()) {
            if (term.equals(r.plainTerm) || (allowExtension && term.equals(r.extensionTerm))) {
                return r;
            }
        }
        return null;
    }

    /** The (normalised) terms this character set was built from; empty for the default. */
    public String[] terms() {
        return terms.clone();
    }

    /** Terms this implementation does not know (their bytes decode as the default repertoire). */
    public List<String> unknownTerms() {
        List<String> unknown = new ArrayList<>();
        for (String t : terms) {
            if (!t.isEmpty() && !t.equals("ISO_IR 192") && !t.equals("GB18030") && !t.equals("GBK")
                    && byTerm(t, true) == null) {
                unknown.add(t);
            }
        }
        return unknown;
    }

    /** True if every byte below 0x80 is ASCII and no escape sequences occur (UTF-8, Latin-x, GB18030...). */
    public boolean isAsciiCompatible() {
        return !iso2022 || extensions.stream().allMatch(r -> r.g1 || r == Repertoire.ASCII);
    }

    /** Decodes a text value (all its values, backslash included). */
    public String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length, false);
    }

    /**
     * Decodes {@code len} bytes at {@code off}. {@code personName} makes {@code ^} and {@code =} reset the
     * ISO 2022 designations as well.
     */
    public String decode(byte[] bytes, int off, int len, boolean personName) {
        if (isPlainAscii(bytes, off, len)) {
            return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
        }
        if (!iso2022) {
            return new String(bytes, off, len, whole);
        }
        return decodeIso2022(bytes, off, len, personName);
    }

    private static boolean isPlainAscii(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (b[i] < 0x20 && b[i] != '\r' && b[i] != '\n' && b[i] != '\t' && b[i] != '\f' && b[i] != 0 || b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private boolean isDelimiter(byte b, boolean personName) {
        return b == '\\' || b == '\r' || b == '\n' || b == '\t' || b == '\f'
                || (personName && (b == '^' || b == '='));
    }

    private String decodeIso2022(byte[] b, int off, int len, boolean personName) {
        StringBuilder out = new StringBuilder(len);
        Repertoire g0 = initialRoman ? Repertoire.JIS_ROMAN : Repertoire.ASCII;
        Repertoire g1 = initialG1;
        int i = off;
        int end = off + len;
        while (i < end) {
            byte c = b[i];
            if (c == ESC) {
                Repertoire r = matchEscape(b, i + 1, end);
                if (r == null) {
                    out.append('\uFFFD');
                    i++;
                    continue;
                }
                i += 1 + r.escape.length;
                if (r.g1) {
                    g1 = r;
                } else {
                    g0 = r;
                }
                continue;
            }
            if (c >= 0) {
                if (g0.width == 2) {
                    if (i + 1 < end && b[i + 1] >= 0x21) {
                        out.append(decodeDoubleG0(g0, c, b[i + 1]));
                        i += 2;
                    } else {
                        out.append((char) c);
                        i++;
                    }
                    continue;
                }
                if (isDelimiter(c, personName)) {
                    g0 = initialRoman ? Repertoire.JIS_ROMAN : Repertoire.ASCII;
                    g1 = initialG1;
                    out.append((char) c);
                } else if (g0 == Repertoire.JIS_ROMAN) {
                    out.append(c == 0x5C ? '\u00A5' : c == 0x7E ? '\u203E' : (char) c);
                } else {
                    out.append((char) c);
                }
                i++;
                continue;
            }
            if (g1.width == 2 && i + 1 < end && b[i + 1] < 0) {
                out.append(new String(b, i, 2, g1.charset));
                i += 2;
            } else if (g1 == Repertoire.KATAKANA) {
                int v = c & 0xFF;
                out.append(v >= 0xA1 && v <= 0xDF ? (char) (0xFF61 + v - 0xA1) : '\uFFFD');
                i++;
            } else {
                out.append(new String(b, i, 1, g1.width == 1 && g1 != Repertoire.ASCII ? g1.charset
                        : StandardCharsets.ISO_8859_1));
                i++;
            }
        }
        return out.toString();
    }

    private static String decodeDoubleG0(Repertoire g0, byte b1, byte b2) {
        byte[] euc = g0 == Repertoire.JIS_X0212
                ? new byte[] {(byte) 0x8F, (byte) (b1 | 0x80), (byte) (b2 | 0x80)}
                : new byte[] {(byte) (b1 | 0x80), (byte) (b2 | 0x80)};
        return new String(euc, g0.charset);
    }

    private static Repertoire matchEscape(byte[] b, int from, int end) {
        for (Repertoire r : Repertoire.values()) {
            byte[] e = r.escape;
            if (from + e.length <= end && Arrays.equals(b, from, from + e.length, e, 0, e.length)) {
                return r;
            }
        }
        return null;
    }

    /** Encodes a text value (values separated by backslash) of a non-PN VR. */
    public byte[] encode(String text) {
        return encode(text, false);
    }

    /**
     * Encodes text; characters the repertoire(s) cannot represent become '?'. {@code personName} makes
     * {@code ^} and {@code =} delimiters (escape back to the initial state before them).
     */
    public byte[] encode(String text, boolean personName) {
        if (isAscii(text)) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        if (!iso2022) {
            return encodeWith(whole, text);
        }
        return encodeIso2022(text, personName);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static byte[] encodeWith(Charset cs, String s) {
        CharsetEncoder enc = cs.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(new byte[] {'?'});
        try {
            ByteBuffer bb = enc.encode(CharBuffer.wrap(s));
            return Arrays.copyOf(bb.array(), bb.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("encoder with REPLACE actions failed", e);
        }
    }

    private byte[] encodeIso2022(String text, boolean personName) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length() * 2);
        Repertoire initialG0 = initialRoman ? Repertoire.JIS_ROMAN : Repertoire.ASCII;
        Repertoire g0 = initialG0;
        Repertoire g1 = initialG1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 0x80) {
                if (g0 != Repertoire.ASCII && !(g0 == Repertoire.JIS_ROMAN && ch != 0x5C && ch != 0x7E)) {
                    designate(out, Repertoire.ASCII);
                    g0 = Repertoire.ASCII;
                }
                out.write(ch);
                if (ch < 0x20 || ch == '\\' || (personName && (ch == '^' || ch == '='))) {
                    g0 = initialG0;
                    g1 = initialG1;
                    if (g0 != Repertoire.ASCII) {
                        designate(out, g0);
                    }
                }
                continue;
            }
            byte[] encoded = null;
            Repertoire used = null;
            for (Repertoire r : extensions) {
                encoded = encodeChar(r, ch);
                if (encoded != null) {
                    used = r;
                    break;
                }
            }
            if (used == null) {
                out.write('?');
                continue;
            }
            if (used.g1 && used != g1) {
                designate(out, used);
                g1 = used;
            } else if (!used.g1 && used != g0) {
                designate(out, used);
                g0 = used;
            }
            out.write(encoded, 0, encoded.length);
        }
        if (g0 != initialG0) {
            designate(out, initialG0);
        }
        return out.toByteArray();
    }

    private static void designate(java.io.ByteArrayOutputStream out, Repertoire r) {
        out.write(ESC);
        out.write(r.escape, 0, r.escape.length);
    }

    /** Bytes of one character in a repertoire as they appear in the data (after designation), or null. */
    private static byte[] encodeChar(Repertoire r, char ch) {
        if (r == Repertoire.ASCII || r == Repertoire.JIS_ROMAN) {
            return null;
        }
        if (r == Repertoire.KATAKANA) {
            return ch >= 0xFF61 && ch <= 0xFF9F ? new byte[] {(byte) (ch - 0xFF61 + 0xA1)} : null;
        }
        CharsetEncoder enc = r.charset.newEncoder();
        if (!enc.canEncode(ch)) {
            return null;
        }
        byte[] b = encodeWith(r.charset, String.valueOf(ch));
        switch (r) {
            case JIS_X0208:
                return b.length == 2 ? new byte[] {(byte) (b[0] & 0x7F), (byte) (b[1] & 0x7F)} : null;
            case JIS_X0212:
                return b.length == 3 && b[0] == (byte) 0x8F
                        ? new byte[] {(byte) (b[1] & 0x7F), (byte) (b[2] & 0x7F)} : null;
            case KS_X1001:
            case GB2312:
                return b.length == 2 ? b : null;
            default:
                return b.length == 1 && b[0] < 0 ? b : null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecificCharacterSet other && Arrays.equals(terms, other.terms);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(terms);
    }

    @Override
    public String toString() {
        return terms.length == 0 ? "default" : String.join("\\", terms);
    }
}
