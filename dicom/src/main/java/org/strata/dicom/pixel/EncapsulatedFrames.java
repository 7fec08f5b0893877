package org.strata.dicom.pixel;

import java.util.Arrays;
import java.util.List;

/**
 * Which fragments of encapsulated pixel data (PS3.5 A.4) make up each frame: from the Extended Offset Table
 * when present, else from the Basic Offset Table, else one fragment per frame (or all fragments for a
 * single frame).
 */
public final class EncapsulatedFrames {

    private static final int ITEM_HEADER = 8;

    private final List<byte[]> fragments;
    private final int[] firstFragment;
    private final int[] fragmentCount;
    /** Frame length when the Extended Offset Table gives it, else -1 for "whole fragments". */
    private final long[] frameLength;

    private EncapsulatedFrames(List<byte[]> fragments, int[] firstFragment, int[] fragmentCount, long[] frameLength) {
        this.fragments = fragments;
        this.firstFragment = firstFragment;
        this.fragmentCount = fragmentCount;
        this.frameLength = frameLength;
    }

    /**
     * Locates the frames.
     *
     * @param fragments the fragment values after the Basic Offset Table item, in order
     * @param basicOffsetTable the Basic Offset Table item's value, possibly empty
     * @param extendedOffsets Extended Offset Table (7FE0,0001) values, or null when absent
     * @param extendedLengths Extended Offset Table Lengths (7FE0,0002) values, or null when absent
     * @param numberOfFrames Number of Frames (0028,0008), 1 when absent
     */
    public static EncapsulatedFrames locate(List<byte[]> fragments, byte[] basicOffsetTable, long[] extendedOffsets,
                                            long[] extendedLengths, int numberOfFrames) throws PixelDataException {
        if (numberOfFrames <= 0) {
            throw new PixelDataException("invalid Number of Frames " + numberOfFrames);
        }
        if (fragments.isEmpty()) {
            throw new PixelDataException("encapsulated Pixel Data has no fragments");
        }
        long[] itemOffsets = new long[fragments.size()];
        for (int i = 1; i < itemOffsets.length; i++) {
            itemOffsets[i] = itemOffsets[i - 1] + ITEM_HEADER + fragments.get(i - 1).length;
        }
        if (extendedOffsets != null && extendedOffsets.length > 0) {
            return fromExtendedTable(fragments, itemOffsets, extendedOffsets, extendedLengths, numberOfFrames);
        }
        if (basicOffsetTable.length > 0) {
            return fromBasicTable(fragments, itemOffsets, basicOffsetTable, numberOfFrames);
        }
        int[] first = new int[numberOfFrames];
        int[] count = new int[numberOfFrames];
        long[] length = new long[numberOfFrames];
        Arrays.fill(length, -1);
        if (numberOfFrames == 1) {
            count[0] = fragments.size();
        } else if (fragments.size() == numberOfFrames) {
            for (int i = 0; i < numberOfFrames; i++) {
                first[i] = i;
                count[i] = 1;
            }
        } else {
            throw new PixelDataException("cannot tell which of " + fragments.size() + " fragments belong to which of "
                    + numberOfFrames + " frames without an offset table");
        }
        return new EncapsulatedFrames(fragments, first, count, length);
    }

    private static EncapsulatedFrames fromExtendedTable(List<byte[]> fragments, long[] itemOffsets, long[] offsets,
                                                        long[] lengths, int numberOfFrames) throws PixelDataException {
        if (lengths == null || lengths.length != offsets.length) {
            throw new PixelDataException("Extended Offset Table has " + offsets.length
                    + " offsets but Extended Offset Table Lengths has " + (lengths == null ? 0 : lengths.length));
        }
        if (offsets.length != numberOfFrames) {
            throw new PixelDataException("Extended Offset Table has " + offsets.length + " entries for "
                    + numberOfFrames + " frames");
        }
        int[] first = new int[numberOfFrames];
        int[] count = new int[numberOfFrames];
        for (int i = 0; i < numberOfFrames; i++) {
            first[i] = fragmentAt(itemOffsets, offsets[i], "Extended");
            count[i] = 1; // with an Extended Offset Table every frame is one fragment (PS3.5 A.4)
            if (lengths[i] < 0 || lengths[i] > fragments.get(first[i]).length) {
                throw new PixelDataException("Extended Offset Table gives frame " + i + " length " + lengths[i]
                        + " in a fragment of " + fragments.get(first[i]).length + " bytes");
            }
        }
        return new EncapsulatedFrames(fragments, first, count, lengths.clone());
    }

    private static EncapsulatedFrames fromBasicTable(List<byte[]> fragments, long[] itemOffsets, byte[] table,
                                                     int numberOfFrames) throws PixelDataException {
        if (table.length % 4 != 0 || table.length / 4 != numberOfFrames) {
            throw new PixelDataException("Basic Offset Table of " + table.length + " bytes does not hold "
                    + numberOfFrames + " offsets");
        }
        int[] first = new int[numberOfFrames];
        for (int i = 0; i < numberOfFrames; i++) {
            long offset = (table[4 * i] & 0xFFL) | (table[4 * i + 1] & 0xFFL) << 8 | (table[4 * i + 2] & 0xFFL) << 16
                    | (table[4 * i + 3] & 0xFFL) << 24;
            first[i] = fragmentAt(itemOffsets, offset, "Basic");
            if (i == 0 ? first[i] != 0 : first[i] <= first[i - 1]) {
                throw new PixelDataException("Basic Offset Table offsets do not start at 0 and rise: frame " + i
                        + " at offset " + offset);
            }
        }
        int[] count = new int[numberOfFrames];
        for (int i = 0; i < numberOfFrames; i++) {
            count[i] = (i + 1 < numberOfFrames ? first[i + 1] : fragments.size()) - first[i];
        }
        long[] length = new long[numberOfFrames];
        Arrays.fill(length, -1);
        return new EncapsulatedFrames(fragments, first, count, length);
    }

    private static int fragmentAt(long[] itemOffsets, long offset, String table) throws PixelDataException {
        int index = Arrays.binarySearch(itemOffsets, offset);
        if (index < 0) {
            throw new PixelDataException(table + " Offset Table offset " + offset + " is not the start of a fragment");
        }
        return index;
    }

    public int numberOfFrames() {
        return firstFragment.length;
    }

    /** Index (among the fragments after the Basic Offset Table) of the frame's first fragment. */
    public int firstFragment(int frame) {
        return firstFragment[frame];
    }

    public int fragmentCount(int frame) {
        return fragmentCount[frame];
    }

    /** The frame's compressed bytes: its fragments concatenated, cut to the Extended Offset Table length. */
    public byte[] frame(int frame) throws PixelDataException {
        if (frame < 0 || frame >= numberOfFrames()) {
            throw new PixelDataException("frame " + frame + " out of range 0.." + (numberOfFrames() - 1));
        }
        if (frameLength[frame] >= 0) {
            return Arrays.copyOf(fragments.get(firstFragment[frame]), (int) frameLength[frame]);
        }
        long total = 0;
        for (int i = 0; i < fragmentCount[frame]; i++) {
            total += fragments.get(firstFragment[frame] + i).length;
        }
        if (total > PixelFormat.MAX_FRAME_LENGTH) {
            throw new PixelDataException("frame " + frame + " of " + total + " bytes does not fit in one array");
        }
        byte[] out = new byte[(int) total];
        int at = 0;
        for (int i = 0; i < fragmentCount[frame]; i++) {
            byte[] fragment = fragments.get(firstFragment[frame] + i);
            System.arraycopy(fragment, 0, out, at, fragment.length);
            at += fragment.length;
        }
        return out;
    }
}
