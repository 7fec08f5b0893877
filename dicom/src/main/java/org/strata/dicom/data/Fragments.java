package org.strata.dicom.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Encapsulated pixel data (PS3.5 §A.4): the Basic Offset Table (item 0, possibly empty) followed by the
 * fragments, each held in memory or as a {@link BulkData} reference.
 */
public final class Fragments {
    private final List<Object> items = new ArrayList<>();

    /** Number of items including the offset table. */
    public int size() {
        return items.size();
    }

    /** Appends an item held in memory (the first one added is the offset table). */
    public Fragments add(byte[] bytes) {
        items.add(bytes);
        return this;
    }

    /** Appends an item that stays on disk. */
    public Fragments add(BulkData reference) {
        items.add(reference);
        return this;
    }

    /** Length in bytes of item {@code i}. */
    public long length(int i) {
        Object o = items.get(i);
        return o instanceof byte[] b ? b.length : ((BulkData) o).length();
    }

    /** True if item {@code i} is a reference that has not been read. */
    public boolean isReference(int i) {
        return items.get(i) instanceof BulkData;
    }

    /** Item {@code i} as a reference, or null if it is held in memory. */
    public BulkData reference(int i) {
        return items.get(i) instanceof BulkData r ? r : null;
    }

    /** The bytes of item {@code i}, read from disk if it is a reference. */
    public byte[] bytes(int i) throws IOException {
        Object o = items.get(i);
        return o instanceof byte[] b ? b : ((BulkData) o).readBytes();
    }

    /** The Basic Offset Table as unsigned 32-bit offsets (empty if item 0 is empty or missing). */
    public long[] offsetTable() throws IOException {
        if (items.isEmpty()) {
            return new long[0];
        }
        byte[] b = bytes(0);
        long[] offsets = new long[b.length / 4];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = ByteOrder.uint32(b, i * 4, false);
        }
        return offsets;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Fragments other) || other.items.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            Object a = items.get(i);
            Object b = other.items.get(i);
            if (a instanceof byte[] x && b instanceof byte[] y ? !java.util.Arrays.equals(x, y) : !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return items.size();
    }

    @Override
    public String toString() {
        return "Fragments[" + items.size() + " items]";
    }
}
