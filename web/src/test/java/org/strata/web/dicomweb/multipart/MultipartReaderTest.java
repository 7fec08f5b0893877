package org.strata.web.dicomweb.multipart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {
    private static final String BOUNDARY = "b0und-ary";

    @Test
    void writerOutputReadsBackPartByPartEvenInTinyReads() throws IOException {
        Random random = new Random(7);
        List<byte[]> contents = List.of(new byte[0], bytes(random, 1), bytes(random, 300_000),
                // content that holds every prefix of the delimiter but never all of it
                ("x\r\n--b0und-arY\r\n--b0und-ar\r\n-\r\n--\r").getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        MultipartWriter writer = new MultipartWriter(body, BOUNDARY);
        for (int i = 0; i < contents.size(); i++) {
            try (OutputStream part = writer.startPart("application/dicom", i % 2 == 0 ? "loc/" + i : null)) {
                part.write(contents.get(i));
            }
        }
        writer.finish();

        MultipartReader reader = new MultipartReader(new TrickleInputStream(body.toByteArray(), 13), BOUNDARY);
        for (int i = 0; i < contents.size(); i++) {
            MultipartPart part = reader.nextPart();
            assertEquals("application/dicom", part.contentType());
            assertEquals(i % 2 == 0 ? "loc/" + i : null, part.contentLocation());
            assertArrayEquals(contents.get(i), part.body().readAllBytes(), "part " + i);
        }
        assertNull(reader.nextPart());
        assertNull(reader.nextPart());
    }

    @Test
    void preambleEpilogueHeaderCaseFoldingAndPaddingAreHandled() throws IOException {
        String body = "preamble to ignore\r\n--" + BOUNDARY + "  \r\ncontent-type: application/dicom+json;\r\n"
                + " charset=utf-8\r\nCONTENT-LOCATION: a\r\n\r\n{}\r\n--" + BOUNDARY + "--\r\nepilogue";
        MultipartReader reader = reader(body);
        MultipartPart part = reader.nextPart();
        assertEquals("application/dicom+json; charset=utf-8", part.contentType());
        assertEquals("a", part.contentLocation());
        assertEquals("{}", new String(part.body().readAllBytes(), StandardCharsets.UTF_8));
        assertNull(reader.nextPart());
    }

    @Test
    void nextPartSkipsWhatIsLeftOfTheCurrentOne() throws IOException {
        String body = "--" + BOUNDARY + "\r\n\r\nfirst part content\r\n--" + BOUNDARY + "\r\n\r\nsecond\r\n--"
                + BOUNDARY + "--";
        MultipartReader reader = reader(body);
        InputStream first = reader.nextPart().body();
        assertEquals('f', first.read());
        MultipartPart second = reader.nextPart();
        assertEquals(-1, first.read(), "a skipped part reads as ended");
        assertEquals("second", new String(second.body().readAllBytes(), StandardCharsets.US_ASCII));
        assertNull(reader.nextPart());
    }

    @Test
    void aLargePartStreamsThroughOneBuffer() throws IOException {
        long size = 64L << 20;
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        InputStream in = new InputStream() {
            long position;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                long total = head.length + size + tail.length;
                if (position >= total) {
                    return -1;
                }
                int n = (int) Math.min(len, total - position);
                for (int i = 0; i < n; i++, position++) {
                    long p = position;
                    b[off + i] = p < head.length ? head[(int) p]
                            : p < head.length + size ? (byte) '\r' // worst case for a delimiter search
                            : tail[(int) (p - head.length - size)];
                }
                return n;
            }
        };
        MultipartPart part = new MultipartReader(in, BOUNDARY).nextPart();
        byte[] chunk = new byte[1 << 16];
        long count = 0;
        for (int n; (n = part.body().read(chunk)) >= 0; ) {
            count += n;
        }
        assertEquals(size, count);
    }

    @Test
    void malformedBodiesAreRefusedWithASpecificReason() {
        assertMalformed("no boundary delimiter found", "no multipart here");
        assertMalformed("", "");
        assertMalformed("without a closing boundary", "--" + BOUNDARY + "\r\n\r\ncontent that never ends");
        assertMalformed("in the headers of part 1", "--" + BOUNDARY + "\r\nContent-Type: application/dicom");
        assertMalformed("header line without a name", "--" + BOUNDARY + "\r\nno colon here\r\n\r\nx\r\n--" + BOUNDARY + "--");
        assertMalformed("folded header line", "--" + BOUNDARY + "\r\n folded\r\n\r\nx\r\n--" + BOUNDARY + "--");
        assertMalformed("followed by 'junk'", "--" + BOUNDARY + "junk\r\n\r\nx\r\n--" + BOUNDARY + "--");
        assertMalformed("longer than", "--" + BOUNDARY + "\r\nX: " + "y".repeat(9000) + "\r\n\r\n");
        StringBuilder manyHeaders = new StringBuilder("--" + BOUNDARY + "\r\n");
        for (int i = 0; i < 65; i++) {
            manyHeaders.append("X-").append(i).append(": 1\r\n");
        }
        assertMalformed("more than 64 headers", manyHeaders + "\r\nx\r\n--" + BOUNDARY + "--");
    }

    @Test
    void boundariesAndContentTypesAreChecked() throws IOException {
        assertThrows(MalformedMultipartException.class, () -> new MultipartReader(InputStream.nullInputStream(), ""));
        assertThrows(MalformedMultipartException.class,
                () -> new MultipartReader(InputStream.nullInputStream(), "x".repeat(71)));
        assertThrows(MalformedMultipartException.class, () -> new MultipartReader(InputStream.nullInputStream(), "a\"b"));
        assertThrows(MalformedMultipartException.class, () -> MultipartReader.of(InputStream.nullInputStream(),
                MediaTypeParameters.parse("multipart/related; type=\"application/dicom\"")));
        assertThrows(MalformedMultipartException.class, () -> MultipartReader.of(InputStream.nullInputStream(),
                MediaTypeParameters.parse("application/dicom; boundary=x")));
        String body = "--a b\r\n\r\nx\r\n--a b--";
        MultipartPart part = MultipartReader.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)),
                MediaTypeParameters.parse("Multipart/Related; boundary=\"a b\"")).nextPart();
        assertEquals("x", new String(part.body().readAllBytes(), StandardCharsets.US_ASCII));
    }

    private static void assertMalformed(String reasonPart, String body) {
        MalformedMultipartException e = assertThrows(MalformedMultipartException.class, () -> {
            MultipartReader reader = reader(body);
            for (MultipartPart part; (part = reader.nextPart()) != null; ) {
                part.body().readAllBytes();
            }
        });
        assertTrue(e.getMessage().contains(reasonPart), e.getMessage());
    }

    private static MultipartReader reader(String body) throws MalformedMultipartException {
        return new MultipartReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), BOUNDARY);
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Hands out at most {@code max} bytes per read, as a network stream may. */
    private static final class TrickleInputStream extends FilterInputStream {
        private final int max;

        TrickleInputStream(byte[] data, int max) {
            super(new ByteArrayInputStream(data));
            this.max = max;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, max));
        }
    }
}
