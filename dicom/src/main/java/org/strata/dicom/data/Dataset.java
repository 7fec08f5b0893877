package org.strata.dicom.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.strata.dicom.charset.SpecificCharacterSet;
import org.strata.dicom.dict.ElementDictionary;
import org.strata.dicom.dict.Tags;

/**
 * A DICOM data set: elements ordered by tag (unsigned). Values keep the bytes they were read with (binary
 * numbers little endian whatever the transfer syntax) and are decoded on access with the data set's
 * Specific Character Set (own, else inherited from the enclosing data set), so unchanged values are written
 * back byte for byte. Typed getters return null / a default when the element is absent or empty.
 * Not thread-safe.
 */
public final class Dataset implements Iterable<Element> {
    private static final int[] NO_INTS = new int[0];

    private Dataset parent;
    private int[] tags;
    private VR[] vrs;
    private Object[] values;
    private int size;
    private SpecificCharacterSet charset;

    /** An empty top-level data set. */
    public Dataset() {
        this(null);
    }

    Dataset(Dataset parent) {
        this.parent = parent;
        this.tags = new int[16];
        this.vrs = new VR[16];
        this.values = new Object[16];
    }

    /** The data set whose sequence holds this item, or null at top level. */
    public Dataset parent() {
        return parent;
    }

    void setParent(Dataset parent) {
        this.parent = parent;
        this.charset = null;
    }

    // ---------------------------------------------------------------- structure

    /** Number of elements. */
    public int size() {
        return size;
    }

    /** True if there are no elements. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Tag of the i-th element in tag order. */
    public int tagAt(int i) {
        checkIndex(i);
        return tags[i];
    }

    /** VR of the i-th element. */
    public VR vrAt(int i) {
        checkIndex(i);
        return vrs[i];
    }

    /** Raw value of the i-th element (see {@link Element}). */
    public Object valueAt(int i) {
        checkIndex(i);
        return values[i];
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
    }

    /** All tags in order. */
    public int[] tags() {
        return Arrays.copyOf(tags, size);
    }

    /** True if the element is present (possibly empty). */
    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** VR of the element, or null if absent. */
    public VR vr(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : vrs[i];
    }

    /** Raw value of the element (see {@link Element}), or null if absent. */
    public Object get(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : values[i];
    }

    /**
     * Sets an element's raw value: {@code byte[]} (binary numbers little endian, odd length allowed),
     * {@code String}, {@link Sequence} (must belong to this data set), {@link Fragments}, {@link BulkData},
     * or null for an empty value. Replaces an existing element with the same tag.
     */
    public Dataset put(int tag, VR vr, Object value) {
        if (vr == null) {
            throw new IllegalArgumentException("VR must not be null");
        }
        if (value != null && !(value instanceof byte[] || value instanceof String || value instanceof Sequence
                || value instanceof Fragments || value instanceof BulkData)) {
            throw new IllegalArgumentException("unsupported value type " + value.getClass().getName());
        }
        if (value instanceof Sequence s && s.owner() != this) {
            throw new IllegalArgumentException("sequence belongs to another data set; use newSequence");
        }
        int i = indexOf(tag);
        if (i >= 0) {
            vrs[i] = vr;
            values[i] = value;
        } else {
            insert(-i - 1, tag, vr, value);
        }
        if (tag == Tags.SpecificCharacterSet) {
            invalidateCharset();
        }
        return this;
    }

    /**
     * Fast append for readers: O(1) when the tag is greater (unsigned) than the last one, else it is put in
     * order. Returns false if an element with the same tag was already there (and is now replaced).
     */
    public boolean append(int tag, VR vr, Object value) {
        if (size == 0 || Integer.compareUnsigned(tags[size - 1], tag) < 0) {
            insert(size, tag, vr, value);
            if (tag == Tags.SpecificCharacterSet) {
                invalidateCharset();
            }
            return true;
        }
        boolean existed = contains(tag);
        put(tag, vr, value);
        return !existed;
    }

    private void insert(int at, int tag, VR vr, Object value) {
        if (size == tags.length) {
            int n = size * 2;
            tags = Arrays.copyOf(tags, n);
            vrs = Arrays.copyOf(vrs, n);
            values = Arrays.copyOf(values, n);
        }
        if (at < size) {
            System.arraycopy(tags, at, tags, at + 1, size - at);
            System.arraycopy(vrs, at, vrs, at + 1, size - at);
            System.arraycopy(values, at, values, at + 1, size - at);
        }
        tags[at] = tag;
        vrs[at] = vr;
        values[at] = value;
        size++;
    }

    /** Removes an element; returns its raw value or null if it was absent. */
    public Object remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        Object old = values[i];
        System.arraycopy(tags, i + 1, tags, i, size - i - 1);
        System.arraycopy(vrs, i + 1, vrs, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        values[size] = null;
        if (tag == Tags.SpecificCharacterSet) {
            invalidateCharset();
        }
        return old;
    }

    /** Index of the tag, or (-(insertion point) - 1). Tags compare unsigned. */
    private int indexOf(int tag) {
        // Readers append in order, so the last element is the most likely hit for "is it there" checks.
        if (size > 0 && tags[size - 1] == tag) {
            return size - 1;
        }
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compareUnsigned(tags[mid], tag);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    @Override
    public Iterator<Element> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Element next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return new Element(tags[i], vrs[i], values[i]);
            }
        };
    }

    // ---------------------------------------------------------------- character set

    /** The Specific Character Set in force: this data set's (0008,0005), else the parent's, else the default. */
    public SpecificCharacterSet specificCharacterSet() {
        if (charset == null) {
            int i = indexOf(Tags.SpecificCharacterSet);
            if (i >= 0) {
                charset = SpecificCharacterSet.of(asciiStrings(i));
            } else {
                charset = parent != null ? parent.specificCharacterSet() : SpecificCharacterSet.DEFAULT;
            }
        }
        return charset;
    }

    private void invalidateCharset() {
        charset = null;
        for (int i = 0; i < size; i++) {
            if (values[i] instanceof Sequence s) {
                for (Dataset item : s) {
                    item.invalidateCharset();
                }
            }
        }
    }

    private String[] asciiStrings(int i) {
        Object v = values[i];
        String s = v instanceof String str ? str
                : v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : "";
        String[] parts = s.split("\\\\", -1);
        for (int k = 0; k < parts.length; k++) {
            parts[k] = parts[k].strip();
        }
        return parts;
    }

    // ---------------------------------------------------------------- text access

    /** First value as text (numbers of binary VRs formatted), or null if absent, empty, or not text/number. */
    public String getString(int tag) {
        String[] all = getStrings(tag);
        return all.length == 0 ? null : all[0];
    }

    /** First value as text, or {@code defaultValue}. */
    public String getString(int tag, String defaultValue) {
        String s = getString(tag);
        return s == null ? defaultValue : s;
    }

    /**
     * All values as text: text VRs decoded with the Specific Character Set, split at backslash (except LT,
     * ST, UT, UR) and trimmed as PS3.5 allows (UI: trailing NULs); binary numbers formatted (AT as 8 hex
     * digits). Empty array if absent or empty; OB/OW/UN/SQ... give an empty array too.
     */
    public String[] getStrings(int tag) {
        int i = indexOf(tag);
        if (i < 0 || values[i] == null) {
            return new String[0];
        }
        VR vr = vrs[i];
        Object v = values[i];
        if (vr.isText()) {
            String text = v instanceof String s ? s : v instanceof byte[] b ? decode(vr, b) : null;
            if (text == null || text.isEmpty()) {
                return new String[0];
            }
            return splitAndTrim(vr, text);
        }
        if (v instanceof byte[] b && vr.isBinary() && vr.isMultiValued()) {
            return formatBinary(vr, b);
        }
        return new String[0];
    }

    private String decode(VR vr, byte[] b) {
        if (!vr.usesSpecificCharacterSet()) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
        return specificCharacterSet().decode(b, 0, b.length, vr == VR.PN);
    }

    private static String[] splitAndTrim(VR vr, String text) {
        if (!vr.isMultiValued()) {
            return new String[] {trimValue(vr, text)};
        }
        int n = 1;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\\') {
                n++;
            }
        }
        String[] out = new String[n];
        int start = 0;
        for (int k = 0; k < n; k++) {
            int end = text.indexOf('\\', start);
            if (end < 0) {
                end = text.length();
            }
            out[k] = trimValue(vr, text.substring(start, end));
            start = end + 1;
        }
        return out;
    }

    private static String trimValue(VR vr, String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        if (vr != VR.LT && vr != VR.ST && vr != VR.UT && vr != VR.UC) {
            while (start < end && s.charAt(start) == ' ') {
                start++;
            }
        }
        return s.substring(start, end);
    }

    private static String[] formatBinary(VR vr, byte[] b) {
        int n = b.length / vr.valueSize();
        String[] out = new String[n];
        for (int k = 0; k < n; k++) {
            int off = k * vr.valueSize();
            out[k] = switch (vr) {
                case US -> Integer.toString(ByteOrder.uint16(b, off, false));
                case SS -> Integer.toString((short) ByteOrder.uint16(b, off, false));
                case UL -> Long.toString(ByteOrder.uint32(b, off, false));
                case SL -> Integer.toString(ByteOrder.int32(b, off, false));
                case UV -> Long.toUnsignedString(ByteOrder.int64(b, off, false));
                case SV -> Long.toString(ByteOrder.int64(b, off, false));
                case FL -> Float.toString(Float.intBitsToFloat(ByteOrder.int32(b, off, false)));
                case FD -> Double.toString(Double.longBitsToDouble(ByteOrder.int64(b, off, false)));
                case AT -> String.format("%04X%04X", ByteOrder.uint16(b, off, false), ByteOrder.uint16(b, off + 2, false));
                default -> throw new IllegalStateException("not a numeric VR: " + vr);
            };
        }
        return out;
    }

    /** The value's encoded bytes (text encoded with the character set in force), or null if absent or not in memory. */
    public byte[] getBytes(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        Object v = values[i];
        if (v == null) {
            return new byte[0];
        }
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof String s) {
            return encodeText(vrs[i], s);
        }
        return null;
    }

    /** Encodes text of a VR with the character set in force (only SH, LO, ST, LT, UC, UT, PN use it). */
    public byte[] encodeText(VR vr, String s) {
        if (!vr.usesSpecificCharacterSet()) {
            return s.getBytes(StandardCharsets.ISO_8859_1);
        }
        return specificCharacterSet().encode(s, vr == VR.PN);
    }

    // ---------------------------------------------------------------- numbers

    /** First value as int (IS/DS text or binary integer), or {@code defaultValue} if absent, empty or unparseable. */
    public int getInt(int tag, int defaultValue) {
        long[] all = longs(tag, 1);
        return all.length == 0 ? defaultValue : (int) all[0];
    }

    /** All values as ints (unsigned 32-bit values above 2^31 wrap; use {@link #getLongs}). */
    public int[] getInts(int tag) {
        long[] all = longs(tag, Integer.MAX_VALUE);
        if (all.length == 0) {
            return NO_INTS;
        }
        int[] out = new int[all.length];
        for (int k = 0; k < all.length; k++) {
            out[k] = (int) all[k];
        }
        return out;
    }

    /** First value as long, or {@code defaultValue}. */
    public long getLong(int tag, long defaultValue) {
        long[] all = longs(tag, 1);
        return all.length == 0 ? defaultValue : all[0];
    }

    /** All values as longs. */
    public long[] getLongs(int tag) {
        return longs(tag, Integer.MAX_VALUE);
    }

    private long[] longs(int tag, int max) {
        int i = indexOf(tag);
        if (i < 0 || values[i] == null) {
            return new long[0];
        }
        VR vr = vrs[i];
        Object v = values[i];
        if (vr.isBinary() && vr.isMultiValued() && v instanceof byte[] b) {
            int n = Math.min(max, b.length / vr.valueSize());
            long[] out = new long[n];
            for (int k = 0; k < n; k++) {
                int off = k * vr.valueSize();
                out[k] = switch (vr) {
                    case US -> ByteOrder.uint16(b, off, false);
                    case SS -> (short) ByteOrder.uint16(b, off, false);
                    case UL -> ByteOrder.uint32(b, off, false);
                    case SL, AT -> ByteOrder.int32(b, off, false);
                    case UV, SV -> ByteOrder.int64(b, off, false);
                    case FL -> (long) Float.intBitsToFloat(ByteOrder.int32(b, off, false));
                    case FD -> (long) Double.longBitsToDouble(ByteOrder.int64(b, off, false));
                    default -> 0L;
                };
            }
            return out;
        }
        String[] s = getStrings(tag);
        int n = Math.min(max, s.length);
        long[] out = new long[n];
        try {
            for (int k = 0; k < n; k++) {
                String t = s[k];
                out[k] = vr == VR.DS ? (long) Double.parseDouble(t) : Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
            }
        } catch (NumberFormatException e) {
            return new long[0];
        }
        return out;
    }

    /** First value as double (DS/IS text, FL/FD or integer binary), or {@code defaultValue}. */
    public double getDouble(int tag, double defaultValue) {
        double[] all = getDoubles(tag);
        return all.length == 0 ? defaultValue : all[0];
    }

    /** All values as doubles; empty if absent, empty or unparseable. */
    public double[] getDoubles(int tag) {
        int i = indexOf(tag);
        if (i < 0 || values[i] == null) {
            return new double[0];
        }
        VR vr = vrs[i];
        Object v = values[i];
        if ((vr == VR.FL || vr == VR.FD || vr == VR.OF || vr == VR.OD) && v instanceof byte[] b) {
            boolean single = vr == VR.FL || vr == VR.OF;
            int n = b.length / (single ? 4 : 8);
            double[] out = new double[n];
            for (int k = 0; k < n; k++) {
                out[k] = single ? Float.intBitsToFloat(ByteOrder.int32(b, k * 4, false))
                        : Double.longBitsToDouble(ByteOrder.int64(b, k * 8, false));
            }
            return out;
        }
        if (vr.isBinary()) {
            long[] l = longs(tag, Integer.MAX_VALUE);
            double[] out = new double[l.length];
            for (int k = 0; k < l.length; k++) {
                out[k] = vr == VR.UV || vr == VR.UL ? Double.parseDouble(Long.toUnsignedString(l[k])) : l[k];
            }
            return out;
        }
        String[] s = getStrings(tag);
        double[] out = new double[s.length];
        try {
            for (int k = 0; k < s.length; k++) {
                out[k] = Double.parseDouble(s[k]);
            }
        } catch (NumberFormatException e) {
            return new double[0];
        }
        return out;
    }

    /** First AT value as a tag, or {@code defaultValue}. */
    public int getTag(int tag, int defaultValue) {
        int i = indexOf(tag);
        if (i < 0 || vrs[i] != VR.AT || !(values[i] instanceof byte[] b) || b.length < 4) {
            return defaultValue;
        }
        return ByteOrder.uint16(b, 0, false) << 16 | ByteOrder.uint16(b, 2, false);
    }

    // ---------------------------------------------------------------- dates, names

    /** First DA value, or null if absent, empty or unparseable. */
    public LocalDate getDate(int tag) {
        String s = getString(tag);
        try {
            return s == null || s.isEmpty() ? null : DateTimes.parseDate(s);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** First TM value, or null if absent, empty or unparseable. */
    public LocalTime getTime(int tag) {
        String s = getString(tag);
        try {
            return s == null || s.isEmpty() ? null : DateTimes.parseTime(s);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * First DT value, or null if absent, empty or unparseable. Without an offset in the value, Timezone
     * Offset From UTC (0008,0201) of this or an enclosing data set supplies it if present.
     */
    public DateTimes.DateTime getDateTime(int tag) {
        String s = getString(tag);
        try {
            if (s == null || s.isEmpty()) {
                return null;
            }
            DateTimes.DateTime dt = DateTimes.parseDateTime(s);
            return dt.offset() != null ? dt : new DateTimes.DateTime(dt.local(), timezoneOffset());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private ZoneOffset timezoneOffset() {
        for (Dataset d = this; d != null; d = d.parent) {
            String z = d.getString(Tags.TimezoneOffsetFromUTC);
            if (z != null && z.length() == 5) {
                try {
                    return DateTimes.parseDateTime("2000" + z).offset();
                } catch (java.time.DateTimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** First PN value, or null if absent or empty. */
    public PersonName getPersonName(int tag) {
        String s = getString(tag);
        return s == null || s.isEmpty() ? null : PersonName.parse(s);
    }

    // ---------------------------------------------------------------- sequences and bulk

    /** The sequence of an SQ element, or null if absent or not a sequence. */
    public Sequence getSequence(int tag) {
        return get(tag) instanceof Sequence s ? s : null;
    }

    /** Creates (replacing any existing element) an empty SQ element and returns its sequence. */
    public Sequence newSequence(int tag) {
        Sequence s = new Sequence(this);
        put(tag, VR.SQ, s);
        return s;
    }

    /** The encapsulated pixel data fragments of the element, or null. */
    public Fragments getFragments(int tag) {
        return get(tag) instanceof Fragments f ? f : null;
    }

    /** The bulk data reference of the element, or null. */
    public BulkData getBulkData(int tag) {
        return get(tag) instanceof BulkData b ? b : null;
    }

    /** The value's bytes (little endian), reading a {@link BulkData} reference if needed; null if absent. */
    public byte[] readBytes(int tag) throws IOException {
        Object v = get(tag);
        if (v instanceof BulkData b) {
            byte[] bytes = b.readBytes();
            if (b.bigEndian()) {
                ByteOrder.swap(bytes, 0, bytes.length, vr(tag).byteSwapUnit());
            }
            return bytes;
        }
        return getBytes(tag);
    }

    // ---------------------------------------------------------------- setters

    /** Sets text values (joined with backslash) of a text VR; for binary number VRs the text is parsed. */
    public Dataset setString(int tag, VR vr, String... values) {
        if (vr.isText()) {
            return put(tag, vr, values.length == 0 ? null : String.join("\\", values));
        }
        switch (vr) {
            case US, SS, UL, SL, UV, SV -> {
                long[] l = new long[values.length];
                for (int k = 0; k < values.length; k++) {
                    l[k] = vr == VR.UV ? Long.parseUnsignedLong(values[k].strip()) : Long.parseLong(values[k].strip());
                }
                return setLong(tag, vr, l);
            }
            case FL, FD -> {
                double[] d = new double[values.length];
                for (int k = 0; k < values.length; k++) {
                    d[k] = Double.parseDouble(values[k].strip());
                }
                return setDouble(tag, vr, d);
            }
            case AT -> {
                int[] t = new int[values.length];
                for (int k = 0; k < values.length; k++) {
                    t[k] = (int) Long.parseLong(values[k].strip(), 16);
                }
                return setTag(tag, t);
            }
            default -> throw new IllegalArgumentException("cannot set text on VR " + vr);
        }
    }

    /** Sets text values with the dictionary's VR; refuses tags the dictionary has no VR for. */
    public Dataset setString(int tag, String... values) {
        return setString(tag, dictionaryVr(tag), values);
    }

    private static VR dictionaryVr(int tag) {
        VR vr = ElementDictionary.vrOf(tag);
        if (vr == VR.UN) {
            throw new IllegalArgumentException(String.format("no dictionary VR for (%04X,%04X); pass one",
                    tag >>> 16, tag & 0xFFFF));
        }
        return vr;
    }

    /** Sets integers: binary for US/SS/UL/SL/UV/SV/AT(as raw)/OW..., decimal text for IS/DS/others. */
    public Dataset setInt(int tag, VR vr, int... values) {
        long[] l = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            l[k] = vr == VR.UL || vr == VR.UV ? values[k] & 0xFFFFFFFFL : values[k];
        }
        return setLong(tag, vr, l);
    }

    /** Sets integers with the dictionary's VR. */
    public Dataset setInt(int tag, int... values) {
        return setInt(tag, dictionaryVr(tag), values);
    }

    /** Sets 64-bit integers (binary for binary VRs, decimal text for text VRs). */
    public Dataset setLong(int tag, VR vr, long... values) {
        if (vr.isText()) {
            String[] s = new String[values.length];
            for (int k = 0; k < values.length; k++) {
                s[k] = Long.toString(values[k]);
            }
            return setString(tag, vr, s);
        }
        int size = vr.valueSize();
        if (vr == VR.FL || vr == VR.FD || vr == VR.OF || vr == VR.OD) {
            double[] d = new double[values.length];
            for (int k = 0; k < values.length; k++) {
                d[k] = values[k];
            }
            return setDouble(tag, vr, d);
        }
        if (!vr.isBinary() || size < 1) {
            throw new IllegalArgumentException("cannot set integers on VR " + vr);
        }
        byte[] b = new byte[values.length * size];
        for (int k = 0; k < values.length; k++) {
            switch (size) {
                case 1 -> b[k] = (byte) values[k];
                case 2 -> ByteOrder.put16(b, k * 2, (int) values[k], false);
                case 4 -> ByteOrder.put32(b, k * 4, (int) values[k], false);
                default -> ByteOrder.put64(b, k * 8, values[k], false);
            }
        }
        return put(tag, vr, b);
    }

    /** Sets floating-point values: binary for FL/FD/OF/OD, text for DS. */
    public Dataset setDouble(int tag, VR vr, double... values) {
        if (vr.isText()) {
            String[] s = new String[values.length];
            for (int k = 0; k < values.length; k++) {
                s[k] = formatDecimal(values[k]);
            }
            return setString(tag, vr, s);
        }
        boolean single = vr == VR.FL || vr == VR.OF;
        if (!single && vr != VR.FD && vr != VR.OD) {
            throw new IllegalArgumentException("cannot set floating-point values on VR " + vr);
        }
        byte[] b = new byte[values.length * (single ? 4 : 8)];
        for (int k = 0; k < values.length; k++) {
            if (single) {
                ByteOrder.put32(b, k * 4, Float.floatToRawIntBits((float) values[k]), false);
            } else {
                ByteOrder.put64(b, k * 8, Double.doubleToRawLongBits(values[k]), false);
            }
        }
        return put(tag, vr, b);
    }

    /** DS text of at most 16 characters (PS3.5 limits DS to 16 bytes). */
    static String formatDecimal(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        if (s.length() <= 16) {
            return s;
        }
        for (int digits = 15; digits > 0; digits--) {
            s = String.format(java.util.Locale.ROOT, "%." + digits + "G", v).replaceFirst("\\.?0+(E|$)", "$1");
            if (s.length() <= 16) {
                return s;
            }
        }
        return s;
    }

    /** Sets AT values. */
    public Dataset setTag(int tag, int... tagValues) {
        byte[] b = new byte[tagValues.length * 4];
        for (int k = 0; k < tagValues.length; k++) {
            ByteOrder.put16(b, k * 4, tagValues[k] >>> 16, false);
            ByteOrder.put16(b, k * 4 + 2, tagValues[k], false);
        }
        return put(tag, VR.AT, b);
    }

    /** Sets DA values. */
    public Dataset setDate(int tag, LocalDate... dates) {
        String[] s = new String[dates.length];
        for (int k = 0; k < dates.length; k++) {
            s[k] = DateTimes.formatDate(dates[k]);
        }
        return setString(tag, VR.DA, s);
    }

    /** Sets TM values. */
    public Dataset setTime(int tag, LocalTime... times) {
        String[] s = new String[times.length];
        for (int k = 0; k < times.length; k++) {
            s[k] = DateTimes.formatTime(times[k]);
        }
        return setString(tag, VR.TM, s);
    }

    /** Sets DT values. */
    public Dataset setDateTime(int tag, DateTimes.DateTime... dateTimes) {
        String[] s = new String[dateTimes.length];
        for (int k = 0; k < dateTimes.length; k++) {
            s[k] = DateTimes.formatDateTime(dateTimes[k]);
        }
        return setString(tag, VR.DT, s);
    }

    /** Sets PN values. */
    public Dataset setPersonName(int tag, PersonName... names) {
        String[] s = new String[names.length];
        for (int k = 0; k < names.length; k++) {
            s[k] = names[k].toString();
        }
        return setString(tag, VR.PN, s);
    }

    /** Sets raw bytes (binary numbers little endian). */
    public Dataset setBytes(int tag, VR vr, byte[] value) {
        return put(tag, vr, value);
    }

    // ---------------------------------------------------------------- private elements

    /**
     * Tag of the private element {@code (group, xxElementLow)} in the block reserved by {@code creator}, or
     * -1 if the creator has no block in this data set and {@code reserve} is false. With {@code reserve},
     * a free block is reserved (creator element written) when needed.
     */
    public int privateTag(String creator, int group, int elementLow, boolean reserve) {
        if ((group & 1) == 0 || elementLow < 0 || elementLow > 0xFF) {
            throw new IllegalArgumentException("private tags need an odd group and an element byte 00-FF");
        }
        int free = -1;
        for (int block = 0x10; block <= 0xFF; block++) {
            int creatorTag = group << 16 | block;
            int i = indexOf(creatorTag);
            if (i < 0) {
                if (free < 0) {
                    free = block;
                }
                continue;
            }
            String[] s = getStrings(creatorTag);
            if (s.length > 0 && s[0].equals(creator)) {
                return group << 16 | block << 8 | elementLow;
            }
        }
        if (!reserve) {
            return -1;
        }
        if (free < 0) {
            throw new IllegalStateException(String.format("no free private block left in group %04X", group));
        }
        setString(group << 16 | free, VR.LO, creator);
        return group << 16 | free << 8 | elementLow;
    }

    /** The private creator of a private data element (gggg,xxee), or null if there is none. */
    public String privateCreatorOf(int tag) {
        if (!ElementDictionary.isPrivate(tag) || (tag & 0xFF00) == 0) {
            return null;
        }
        return getString((tag & 0xFFFF0000) | ((tag >>> 8) & 0xFF));
    }

    // ---------------------------------------------------------------- equality

    /**
     * Equal tags, VRs and values. Text values compare by their decoded, trimmed text (so padding and
     * String-vs-bytes storage do not matter), binary values byte for byte after dropping one trailing
     * padding byte, sequences item by item.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Dataset other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (tags[i] != other.tags[i] || vrs[i] != other.vrs[i]) {
                return false;
            }
            if (!valueEquals(i, other)) {
                return false;
            }
        }
        return true;
    }

    private boolean valueEquals(int i, Dataset other) {
        Object a = values[i];
        Object b = other.values[i];
        VR vr = vrs[i];
        if (vr.isText()) {
            return Arrays.equals(getStrings(tags[i]), other.getStrings(tags[i]));
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return unpaddedEquals(x, y) || unpaddedEquals(y, x);
        }
        if (a == null || b == null) {
            return isEmptyValue(a) && isEmptyValue(b);
        }
        return a.equals(b);
    }

    private static boolean isEmptyValue(Object v) {
        return v == null || (v instanceof byte[] b && b.length == 0) || (v instanceof Sequence s && s.isEmpty());
    }

    private static boolean unpaddedEquals(byte[] x, byte[] y) {
        if (x.length == y.length) {
            return Arrays.equals(x, y);
        }
        return y.length == x.length + 1 && (x.length & 1) == 1 && y[x.length] == 0
                && Arrays.equals(x, 0, x.length, y, 0, x.length);
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = h * 31 + tags[i];
        }
        return h;
    }

    /** Short description for debugging (element count and first tags); use a dump tool for content. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Dataset[").append(size).append(" elements");
        for (int i = 0; i < Math.min(size, 8); i++) {
            sb.append(String.format(" (%04X,%04X)", tags[i] >>> 16, tags[i] & 0xFFFF));
        }
        return sb.append(size > 8 ? " ...]" : "]").toString();
    }
}
