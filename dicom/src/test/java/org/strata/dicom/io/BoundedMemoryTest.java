package org.strata.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;

/**
 * A 512 MB pixel data value streams through a reader with a sink in a JVM limited to 32 MB of heap:
 * memory stays bounded whatever the object size.
 */
class BoundedMemoryTest {
    private static final long PIXEL_BYTES = 512L << 20;

    @Test
    void hugePixelDataStreamsThroughASinkInASmallHeap() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                Child.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), out);
        assertEquals("streamed " + PIXEL_BYTES + " bytes, PatientID P1", out.strip());
    }

    /** Runs in the small-heap JVM. */
    static final class Child {
        public static void main(String[] args) throws IOException {
            Dataset header = new Dataset().setString(Tags.PatientID, VR.LO, "P1");
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            DicomWriter.writeDataset(encoded, header, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            byte[] pixelHeader = {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W', 0, 0, 0, 0, 0, 0x20}; // 0x20000000 bytes
            InputStream in = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                    new java.io.ByteArrayInputStream(encoded.toByteArray()), new java.io.ByteArrayInputStream(pixelHeader),
                    new Zeros(PIXEL_BYTES))));
            long[] streamed = new long[1];
            DicomReader reader = new DicomReader(in).bulkDataSink((tag, vr, fragment, length, value) -> {
                byte[] chunk = new byte[1 << 16];
                for (int n; (n = value.read(chunk)) > 0; ) {
                    streamed[0] += n;
                }
                return null;
            });
            Dataset ds = reader.readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            System.out.println("streamed " + streamed[0] + " bytes, PatientID " + ds.getString(Tags.PatientID));
        }
    }

    /** {@code n} zero bytes, generated. */
    private static final class Zeros extends InputStream {
        private long remaining;

        Zeros(long n) {
            this.remaining = n;
        }

        @Override
        public int read() {
            return remaining-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            remaining -= n;
            return n;
        }
    }
}
