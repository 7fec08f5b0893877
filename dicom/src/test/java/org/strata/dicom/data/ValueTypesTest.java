package org.strata.dicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.dicom.dict.Tags;

/** ByteOrder, Fragments, BulkData and Sequence. */
class ValueTypesTest {
    @TempDir
    Path dir;

    @Test
    void byteOrderReadsAndWritesBothEndians() {
        byte[] b = new byte[8];
        ByteOrder.put32(b, 0, 0x01020304, true);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 0, 0, 0, 0}, b);
        assertEquals(0x04030201, ByteOrder.int32(b, 0, false));
        ByteOrder.put64(b, 0, 0x0102030405060708L, false);
        assertArrayEquals(new byte[] {8, 7, 6, 5, 4, 3, 2, 1}, b);
        assertEquals(0x0102030405060708L, ByteOrder.int64(b, 0, false));
        assertEquals(0x0807060504030201L, ByteOrder.int64(b, 0, true));
        assertEquals(0xFFFFFFFFL, ByteOrder.uint32(new byte[] {-1, -1, -1, -1}, 0, true));
        assertEquals(0xFFFE, ByteOrder.uint16(new byte[] {-2, -1}, 0, false));
    }

    @Test
    void swapReversesWholeUnitsAndLeavesATrailingPartialUnit() {
        byte[] b = {1, 2, 3, 4, 5, 6, 7};
        ByteOrder.swap(b, 0, b.length, 2);
        assertArrayEquals(new byte[] {2, 1, 4, 3, 6, 5, 7}, b);
        ByteOrder.swap(b, 0, 4, 4);
        assertArrayEquals(new byte[] {3, 4, 1, 2, 6, 5, 7}, b);
    }

    @Test
    void fragmentsKnowTheirOffsetTableAndReferences() throws IOException {
        Path file = dir.resolve("frag.bin");
        Files.write(file, new byte[] {9, 9, 'J', 'P', 'E', 'G', 9});
        byte[] table = new byte[8];
        ByteOrder.put32(table, 4, 0x8000_0000, false);
        Fragments f = new Fragments().add(table).add(BulkData.of(file, 2, 4, false));
        assertEquals(2, f.size());
        assertArrayEquals(new long[] {0, 0x8000_0000L}, f.offsetTable());
        assertTrue(f.isReference(1));
        assertNull(f.reference(0));
        assertEquals(4, f.length(1));
        assertArrayEquals("JPEG".getBytes(), f.bytes(1));
        Fragments copy = f.copy();
        assertEquals(f, copy);
        copy.bytes(0)[0] = 1;
        assertFalse(f.equals(copy));
        assertArrayEquals(new long[0], new Fragments().offsetTable());
    }

    @Test
    void bulkDataReadsExactlyItsRange() throws IOException {
        Path file = dir.resolve("bulk.bin");
        Files.write(file, new byte[] {0, 1, 2, 3, 4, 5});
        BulkData b = BulkData.of(file, 1, 3, false);
        assertArrayEquals(new byte[] {1, 2, 3}, b.readBytes());
        try (InputStream in = b.openStream()) {
            assertEquals(1, in.read());
            assertEquals(2, in.read(new byte[10], 0, 10));
            assertEquals(-1, in.read());
        }
        assertThrows(IOException.class, () -> BulkData.of(file, 4, 10, false).readBytes(), "range past the end");
        assertThrows(IOException.class, () -> new BulkData(URI.create("http://example.invalid/x"), 0, 1, false).readBytes());
    }

    @Test
    void sequenceItemsKnowTheirParent() {
        Dataset top = new Dataset();
        Sequence seq = top.newSequence(Tags.ReferencedSeriesSequence);
        assertSame(top, seq.owner());
        Dataset item = seq.addItem();
        assertSame(top, item.parent());
        Dataset moved = new Dataset();
        seq.add(moved);
        assertSame(top, moved.parent());
        assertEquals(2, top.getSequence(Tags.ReferencedSeriesSequence).size());
        assertThrows(IllegalArgumentException.class, () -> new Dataset().put(Tags.ReferencedSeriesSequence, VR.SQ, seq));
    }

    @Test
    void personNameComponentGroups() {
        PersonName pn = PersonName.parse("Adams^John Robert Quincy^^Rev.^B.A. M.Div.");
        assertEquals("John Robert Quincy", pn.alphabetic().given());
        assertEquals("Rev.", pn.alphabetic().prefix());
        assertEquals("B.A. M.Div.", pn.alphabetic().suffix());
        assertTrue(pn.ideographic().isEmpty());
        assertEquals("Adams^John Robert Quincy^^Rev.^B.A. M.Div.", pn.toString());
        assertEquals("=Yamada", PersonName.parse("=Yamada").toString());
        assertEquals("", PersonName.parse("^^^^").toString());
    }
}
