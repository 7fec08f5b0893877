package org.strata.web.dicomweb.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
    @Test
    void singleRangesResolveAgainstTheLength() throws ByteRange.UnsatisfiableException {
        assertEquals(new ByteRange(0, 9), ByteRange.parse("bytes=0-9", 100));
        assertEquals(new ByteRange(90, 99), ByteRange.parse("bytes=90-", 100));
        assertEquals(new ByteRange(90, 99), ByteRange.parse("bytes=90-1000", 100));
        assertEquals(new ByteRange(95, 99), ByteRange.parse("bytes=-5", 100));
        assertEquals(new ByteRange(0, 99), ByteRange.parse("bytes=-500", 100));
        assertEquals(5, ByteRange.parse("bytes=10-14", 100).length());
    }

    @Test
    void whatIsNotOneByteRangeIsIgnored() throws ByteRange.UnsatisfiableException {
        assertNull(ByteRange.parse(null, 100));
        assertNull(ByteRange.parse("items=0-1", 100));
        assertNull(ByteRange.parse("bytes=0-1,5-6", 100));
        assertNull(ByteRange.parse("bytes=9-3", 100));
        assertNull(ByteRange.parse("bytes=a-b", 100));
    }

    @Test
    void rangesPastTheEndAreUnsatisfiable() {
        assertThrows(ByteRange.UnsatisfiableException.class, () -> ByteRange.parse("bytes=100-", 100));
        assertThrows(ByteRange.UnsatisfiableException.class, () -> ByteRange.parse("bytes=-0", 100));
        assertThrows(ByteRange.UnsatisfiableException.class, () -> ByteRange.parse("bytes=0-", 0));
    }
}
