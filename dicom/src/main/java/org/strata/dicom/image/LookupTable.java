package org.strata.dicom.image;

import org.strata.dicom.pixel.PixelDataException;

/**
 * A lookup table as DICOM describes one (PS3.3 C.11.1.1 Modality LUT, C.7.6.3.1.5 Palette Color LUT): a descriptor
 * of entry count (0 meaning 65536), first value mapped and bits per entry, and the entries. Values below the first
 * mapped one take the first entry, values past the last take the last.
 */
record LookupTable(int firstMapped, int[] entries, int bits) {

    /**
     * Reads a table; {@code data} holds one byte per entry (8-bit palettes) or one little-endian 16-bit word.
     *
     * @param signedFirst whether the first mapped value is signed (for signed pixel data)
     * @param what the table's name, for messages
     */
    static LookupTable of(int[] descriptor, byte[] data, boolean signedFirst, String what) throws PixelDataException {
        if (descriptor.length != 3) {
            throw new PixelDataException(what + " descriptor has " + descriptor.length + " values, not 3");
        }
        int count = descriptor[0] == 0 ? 65536 : descriptor[0] & 0xFFFF;
        int first = signedFirst ? (short) descriptor[1] : descriptor[1] & 0xFFFF;
        int bits = descriptor[2];
        if (bits < 1 || bits > 16) {
            throw new PixelDataException(what + " descriptor gives " + bits + " bits per entry");
        }
        if (data == null) {
            throw new PixelDataException(what + " has no data");
        }
        int[] entries = new int[count];
        if (bits <= 8 && data.length == count) {
            for (int i = 0; i < count; i++) {
                entries[i] = data[i] & 0xFF;
            }
        } else if (data.length / 2 >= count) {
            for (int i = 0; i < count; i++) {
                entries[i] = (data[2 * i] & 0xFF) | (data[2 * i + 1] & 0xFF) << 8;
            }
        } else {
            throw new PixelDataException(what + " has " + data.length + " bytes of data for " + count + " entries");
        }
        return new LookupTable(first, entries, bits);
    }

    int lookup(long value) {
        long index = Math.max(0, Math.min(entries.length - 1, value - firstMapped));
        return entries[(int) index];
    }

    /** The entry scaled to 0..255. */
    int lookup8(long value) {
        return (int) Math.round(lookup(value) * 255.0 / ((1 << bits) - 1));
    }
}
