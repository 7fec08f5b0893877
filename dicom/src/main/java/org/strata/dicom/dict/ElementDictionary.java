package org.strata.dicom.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.strata.dicom.data.VR;

/**
 * The PS3.6 data element dictionary: tag to keyword, VRs, VM and retired flag; keyword to tag; repeating
 * groups (50xx, 60xx, 7Fxx...); and known private elements by (creator, group, element low byte).
 * Loaded lazily from generated resources on first use.
 */
public final class ElementDictionary {

    /** One dictionary entry. {@code vrs} is empty for item and delimiter tags, which have no VR. */
    public record Entry(int tag, List<VR> vrs, String vm, boolean retired, String keyword, String name) {
        /** The first (preferred) VR, or UN if the entry has none. */
        public VR vr() {
            return vrs.isEmpty() ? VR.UN : vrs.get(0);
        }
    }

    private record Mask(int mask, int value, Entry entry) {
    }

    private ElementDictionary() {
    }

    private static final class Standard {
        static final int[] TAGS;
        static final Entry[] ENTRIES;
        static final Mask[] MASKS;
        static final Map<String, Entry> BY_KEYWORD = new HashMap<>(8192);

        static {
            List<Entry> exact = new ArrayList<>(5000);
            List<Mask> masks = new ArrayList<>();
            for (String[] row : readTsv("elements.tsv")) {
                String pattern = row[0];
                int tag = (int) Long.parseLong(pattern.replace('x', '0'), 16);
                Entry entry = new Entry(tag, parseVrs(row[1]), row[2], "R".equals(row[3]), row[4], row[5]);
                if (pattern.indexOf('x') >= 0) {
                    int mask = (int) Long.parseLong(pattern.replaceAll("[0-9A-F]", "F").replace('x', '0'), 16);
                    masks.add(new Mask(mask, tag, entry));
                } else {
                    exact.add(entry);
                }
                BY_KEYWORD.putIfAbsent(entry.keyword(), entry);
            }
            exact.sort((a, b) -> Integer.compare(a.tag(), b.tag()));
            TAGS = exact.stream().mapToInt(Entry::tag).toArray();
            ENTRIES = exact.toArray(new Entry[0]);
            MASKS = masks.toArray(new Mask[0]);
        }
    }

    private static final class Private {
        /** Key: creator + '\t' + group pattern (4 hex chars, "xx" allowed) + element low byte. */
        static final Map<String, Entry> ENTRIES = new HashMap<>(16384);

        static {
            for (String[] row : readTsv("private.tsv")) {
                if (row[2].contains("x")) {
                    continue; // a whole range of elements: cannot be found by its low byte
                }
                int lowByte = Integer.parseInt(row[2], 16);
                int group = Integer.parseInt(row[1].replace('x', '0'), 16);
                ENTRIES.put(row[0] + '\t' + row[1] + row[2],
                        new Entry(group << 16 | lowByte, parseVrs(row[3]), row[4], "R".equals(row[5]), "", row[6]));
            }
        }
    }

    /** The entry for a standard tag (exact or repeating group), or null if the tag is unknown or private. */
    public static Entry lookup(int tag) {
        int i = Arrays.binarySearch(Standard.TAGS, tag);
        if (i >= 0) {
            return Standard.ENTRIES[i];
        }
        for (Mask m : Standard.MASKS) {
            if ((tag & m.mask()) == m.value()) {
                return m.entry();
            }
        }
        return null;
    }

    /**
     * The VR to assume for a tag when the encoding does not carry one (implicit VR): group lengths are UL,
     * private creators LO, dictionary entries their first VR, anything else UN.
     */
    public static VR vrOf(int tag) {
        int element = tag & 0xFFFF;
        if (element == 0) {
            return VR.UL;
        }
        if (isPrivate(tag)) {
            return element >= 0x10 && element <= 0xFF ? VR.LO : VR.UN;
        }
        Entry e = lookup(tag);
        return e == null ? VR.UN : e.vr();
    }

    /** Keyword of a standard tag, or "" if unknown. */
    public static String keywordOf(int tag) {
        Entry e = lookup(tag);
        return e == null ? "" : e.keyword();
    }

    /** Tag of a keyword (e.g. "PatientName"), or -1 if there is none; 0xFFFFFFFF is never a keyword's tag. */
    public static int tagOf(String keyword) {
        Entry e = Standard.BY_KEYWORD.get(keyword);
        return e == null ? -1 : e.tag();
    }

    /**
     * Entry of a private element by its creator and its tag's group and low element byte (the block byte
     * is ignored), or null if the private dictionary does not know it.
     */
    public static Entry lookupPrivate(String creator, int tag) {
        if (creator == null) {
            return null;
        }
        String group = String.format("%04X", tag >>> 16);
        String low = String.format("%02X", tag & 0xFF);
        Entry e = Private.ENTRIES.get(creator + '\t' + group + low);
        if (e == null) {
            e = Private.ENTRIES.get(creator + '\t' + group.substring(0, 2) + "xx" + low);
        }
        return e;
    }

    /** True if the tag's group is odd (private), excluding groups 0001, 0003, 0005, 0007 and FFFF. */
    public static boolean isPrivate(int tag) {
        int group = tag >>> 16;
        return (group & 1) == 1 && group > 0x0008 && group != 0xFFFF;
    }

    /** True for a private creator element (gggg,0010-00FF). */
    public static boolean isPrivateCreator(int tag) {
        int element = tag & 0xFFFF;
        return isPrivate(tag) && element >= 0x10 && element <= 0xFF;
    }

    private static List<VR> parseVrs(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<VR> list = new ArrayList<>(2);
        for (String name : text.split("\\|")) {
            VR vr = VR.ofName(name);
            if (vr != null) {
                list.add(vr);
            }
        }
        return List.copyOf(list);
    }

    static List<String[]> readTsv(String resource) {
        List<String[]> rows = new ArrayList<>(10000);
        try (InputStream in = ElementDictionary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("dictionary resource missing: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isEmpty()) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dictionary resource " + resource, e);
        }
        return rows;
    }
}
