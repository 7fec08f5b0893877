package org.strata.dicom.json;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.strata.dicom.data.BulkData;
import org.strata.dicom.data.ByteOrder;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;

/**
 * Conversions between element values in a {@link org.strata.dicom.data.Dataset} and the text and Base64
 * forms of the DICOM JSON (PS3.18 F) and Native DICOM XML (PS3.19 A.1) models, shared by both.
 */
public final class ModelValues {

    private static final int ITEM = 0xFFFEE000;
    /** Bytes Base64-encoded at a time: a multiple of 3, so chunks join without padding. */
    private static final int BASE64_CHUNK = 3 * 4096;
    private static final BigInteger UV_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private ModelValues() {
    }

    /** Group length elements are left out of both models (PS3.18 F.2.2, PS3.19 A.1.1). */
    public static boolean isGroupLength(int tag) {
        return (tag & 0xFFFF) == 0;
    }

    /** Byte length of a binary value: bytes, bulk data or fragments (items with their 8-byte headers). */
    public static long binaryLength(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes.length;
        }
        if (value instanceof BulkData bulk) {
            return bulk.length();
        }
        if (value instanceof Fragments fragments) {
            long length = 0;
            for (int i = 0; i < fragments.size(); i++) {
                length += 8 + fragments.length(i);
            }
            return length;
        }
        return 0;
    }

    /**
     * A binary value as little-endian bytes. Encapsulated pixel data becomes its items (offset table first,
     * each with tag and length, no sequence delimiter) as in the Value Field, so a reader can restore the
     * fragments.
     */
    public static InputStream binaryStream(Object value, VR vr) throws IOException {
        if (value instanceof byte[] bytes) {
            return new ByteArrayInputStream(bytes);
        }
        if (value instanceof BulkData bulk) {
            InputStream in = bulk.openStream();
            return bulk.bigEndian() && vr.byteSwapUnit() > 1 ? new SwappingInputStream(in, vr.byteSwapUnit()) : in;
        }
        if (value instanceof Fragments fragments) {
            List<InputStream> parts = new ArrayList<>(2 * fragments.size());
            for (int i = 0; i < fragments.size(); i++) {
                byte[] header = new byte[8];
                ByteOrder.put16(header, 0, ITEM >>> 16, false); // a tag is its group, then its element
                ByteOrder.put16(header, 2, ITEM, false);
                ByteOrder.put32(header, 4, (int) fragments.length(i), false);
                parts.add(new ByteArrayInputStream(header));
                BulkData reference = fragments.reference(i);
                parts.add(reference != null ? reference.openStream() : new ByteArrayInputStream(fragments.bytes(i)));
            }
            return new SequenceInputStream(Collections.enumeration(parts));
        }
        return InputStream.nullInputStream();
    }

    /** Writes the Base64 encoding (RFC 4648, no line breaks) of a stream, chunk by chunk. */
    public static void writeBase64(InputStream in, Writer out) throws IOException {
        Base64.Encoder encoder = Base64.getEncoder();
        byte[] chunk = new byte[BASE64_CHUNK];
        byte[] encoded = new byte[BASE64_CHUNK / 3 * 4];
        char[] chars = new char[encoded.length];
        int n;
        while ((n = in.readNBytes(chunk, 0, chunk.length)) > 0) {
            int length = n == chunk.length ? encoder.encode(chunk, encoded)
                    : encoder.encode(Arrays.copyOf(chunk, n), encoded);
            for (int i = 0; i < length; i++) {
                chars[i] = (char) encoded[i];
            }
            out.write(chars, 0, length);
        }
    }

    /**
     * The value for decoded binary bytes: Pixel Data whose bytes are a well-formed item list becomes
     * {@link Fragments} (the inverse of {@link #binaryStream}); anything else stays bytes.
     */
    public static Object binaryValue(int tag, byte[] bytes) {
        if (tag != Tags.PixelData || bytes.length < 8 || !isItemTag(bytes, 0)) {
            return bytes;
        }
        Fragments fragments = new Fragments();
        int at = 0;
        while (at < bytes.length) {
            if (bytes.length - at < 8 || !isItemTag(bytes, at)) {
                return bytes;
            }
            long length = ByteOrder.uint32(bytes, at + 4, false);
            if (length > bytes.length - at - 8) {
                return bytes;
            }
            fragments.add(Arrays.copyOfRange(bytes, at + 8, at + 8 + (int) length));
            at += 8 + (int) length;
        }
        return fragments;
    }

    private static boolean isItemTag(byte[] bytes, int at) {
        return ByteOrder.uint16(bytes, at, false) == ITEM >>> 16 && ByteOrder.uint16(bytes, at + 2, false) == (ITEM & 0xFFFF);
    }

    /**
     * An IS or DS value as a JSON number, or null if the text is no number (the writer then keeps it a
     * string rather than emit invalid JSON). Text that already is JSON number syntax is kept as it is.
     */
    public static String jsonNumber(String text) {
        if (isJsonNumber(text)) {
            return text;
        }
        try {
            return new BigDecimal(text.trim()).toString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isJsonNumber(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        int digitsStart = i;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
        }
        int digits = i - digitsStart;
        if (digits == 0 || (digits > 1 && s.charAt(digitsStart) == '0')) {
            return false;
        }
        if (i < n && s.charAt(i) == '.') {
            int fraction = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == fraction) {
                return false;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == exponent) {
                return false;
            }
        }
        return i == n;
    }

    /** True for VRs whose values are binary numbers (written as numbers, AT as hex). */
    public static boolean isBinaryNumber(VR vr) {
        return switch (vr) {
            case US, SS, UL, SL, UV, SV, FL, FD, AT -> true;
            default -> false;
        };
    }

    /**
     * Puts the values of a text or binary-number element given as text (null for an empty value): text VRs
     * joined with backslashes, binary numbers encoded.
     */
    public static void putValues(Dataset dataset, int tag, VR vr, List<String> values) throws ModelFormatException {
        if (isBinaryNumber(vr)) {
            dataset.put(tag, vr, encodeNumbers(vr, values));
        } else {
            dataset.put(tag, vr, String.join("\\", values.stream().map(v -> v == null ? "" : v).toList()));
        }
    }

    /**
     * Encodes values given as text (decimal numbers, or 8 hex digits for AT) as the little-endian bytes of a
     * binary VR; a null entry is refused, since binary values cannot be empty one at a time.
     */
    public static byte[] encodeNumbers(VR vr, List<String> values) throws ModelFormatException {
        int size = vr.valueSize();
        byte[] out = new byte[size * values.size()];
        for (int i = 0; i < values.size(); i++) {
            String text = values.get(i);
            if (text == null) {
                throw new ModelFormatException("empty value " + (i + 1) + " of a " + vr + " element");
            }
            try {
                encodeNumber(vr, text.trim(), out, i * size);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new ModelFormatException("invalid " + vr + " value '" + text + "'");
            }
        }
        return out;
    }

    private static void encodeNumber(VR vr, String text, byte[] out, int at) throws ModelFormatException {
        switch (vr) {
            case AT -> {
                if (text.length() != 8) {
                    throw new NumberFormatException(text);
                }
                int tag = (int) Long.parseLong(text, 16);
                ByteOrder.put16(out, at, tag >>> 16, false);
                ByteOrder.put16(out, at + 2, tag, false);
            }
            case FL -> ByteOrder.put32(out, at, Float.floatToIntBits(Float.parseFloat(floating(text))), false);
            case FD -> ByteOrder.put64(out, at, Double.doubleToLongBits(Double.parseDouble(floating(text))), false);
            default -> {
                BigInteger value = new BigDecimal(text).toBigIntegerExact();
                BigInteger min = switch (vr) {
                    case US, UL, UV -> BigInteger.ZERO;
                    case SS -> BigInteger.valueOf(Short.MIN_VALUE);
                    case SL -> BigInteger.valueOf(Integer.MIN_VALUE);
                    default -> BigInteger.valueOf(Long.MIN_VALUE);
                };
                BigInteger max = switch (vr) {
                    case US -> BigInteger.valueOf(0xFFFF);
                    case SS -> BigInteger.valueOf(Short.MAX_VALUE);
                    case UL -> BigInteger.valueOf(0xFFFFFFFFL);
                    case SL -> BigInteger.valueOf(Integer.MAX_VALUE);
                    case UV -> UV_MAX;
                    default -> BigInteger.valueOf(Long.MAX_VALUE);
                };
                if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                    throw new ModelFormatException(vr + " value " + text + " out of range " + min + ".." + max);
                }
                switch (vr.valueSize()) {
                    case 2 -> ByteOrder.put16(out, at, value.intValue(), false);
                    case 4 -> ByteOrder.put32(out, at, value.intValue(), false);
                    default -> ByteOrder.put64(out, at, value.longValue(), false);
                }
            }
        }
    }

    /**
     * Checks a floating-point value is a JSON number or one of the NaN and infinities writers emit as strings;
     * parsing it directly (not through BigDecimal) keeps -0.0 and rounds a float only once.
     */
    private static String floating(String text) {
        if (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity") || isJsonNumber(text)) {
            return text;
        }
        throw new NumberFormatException(text);
    }

    /** Joins parts with a separator, leaving out trailing empty parts (for PN groups and components). */
    public static String joinTrimmed(char separator, String[] parts) {
        int used = parts.length;
        while (used > 0 && (parts[used - 1] == null || parts[used - 1].isEmpty())) {
            used--;
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < used; i++) {
            if (i > 0) {
                joined.append(separator);
            }
            joined.append(parts[i] == null ? "" : parts[i]);
        }
        return joined.toString();
    }

    /** Reverses byte groups of a big-endian bulk data stream on the fly, a buffer at a time. */
    private static final class SwappingInputStream extends FilterInputStream {
        private final int unit;
        private final byte[] buffer = new byte[8192]; // a multiple of every swap unit (2, 4, 8)
        private int fill;
        private int pos;

        SwappingInputStream(InputStream in, int unit) {
            super(in);
            this.unit = unit;
        }

        @Override
        public int read() throws IOException {
            if (pos == fill && !refill()) {
                return -1;
            }
            return buffer[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos == fill && !refill()) {
                return -1;
            }
            int n = Math.min(len, fill - pos);
            System.arraycopy(buffer, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean refill() throws IOException {
            fill = in.readNBytes(buffer, 0, buffer.length);
            pos = 0;
            ByteOrder.swap(buffer, 0, fill, unit);
            return fill > 0;
        }
    }
}
