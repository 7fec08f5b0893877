package org.strata.dicom.io;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;

/**
 * Bounded, deterministic mutation fuzzing over real files: byte flips, truncation, length-field corruption
 * and inserted garbage. Every outcome must be a data set (which must then decode and re-encode without
 * error) or a {@link DicomParseException}: never another exception, never a hang, never OOM.
 */
class FuzzTest {
    private static final long SEED = 0x5EED_D1C0L;
    private static final int MUTATIONS_PER_FILE = 200;
    private static final List<String> SEEDS = List.of("CT_small.dcm", "MR_small_bigendian.dcm", "rtplan.dcm",
            "image_dfl.dcm", "nested_priv_SQ.dcm", "UN_sequence.dcm", "JPEG2000.dcm", "ExplVR_BigEndNoMeta.dcm",
            "SC_rgb_rle.dcm", "rtstruct.dcm", "priv_SQ.dcm", "dicomdirtests/DICOMDIR", "meta_missing_tsyntax.dcm",
            "SC_rgb_jpeg.dcm", "waveform_ecg.dcm", "liver_1frame.dcm", "MR_small_implicit.dcm");

    private static ExecutorService worker;

    @BeforeAll
    static void startWorker() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopWorker() {
        worker.shutdownNow();
    }

    @Test
    void mutatedFilesParseOrFailWithTheCheckedException() throws Exception {
        Random random = new Random(SEED);
        int parsed = 0;
        int refused = 0;
        for (String name : SEEDS) {
            Path file = Corpus.TEST_FILES.resolve(name);
            byte[] original = Files.readAllBytes(file);
            for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
                byte[] input = mutate(original, random);
                String what = name + " mutation " + i;
                Future<Boolean> outcome = worker.submit(() -> parseAndUse(input));
                try {
                    if (outcome.get(5, TimeUnit.SECONDS)) {
                        parsed++;
                    } else {
                        refused++;
                    }
                } catch (TimeoutException e) {
                    outcome.cancel(true);
                    fail(what + ": no result within 5 s (hang?)");
                } catch (ExecutionException e) {
                    throw new AssertionError(what + ": unexpected " + e.getCause(), e.getCause());
                }
            }
        }
        assertTrue(parsed + refused >= 2000, "only " + (parsed + refused) + " mutations ran");
        assertTrue(parsed > 100 && refused > 100, "parsed " + parsed + ", refused " + refused);
    }

    /** True if parsed (and the result was used without error), false if refused with DicomParseException. */
    private static boolean parseAndUse(byte[] input) throws IOException {
        DicomFile file;
        try {
            file = new DicomReader(new ByteArrayInputStream(input)).readFile();
        } catch (DicomParseException e) {
            return false;
        }
        touch(file.dataset());
        new DicomWriter(OutputStream.nullOutputStream()).writeDataset(file.dataset(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        new DicomWriter(OutputStream.nullOutputStream()).writeDataset(file.dataset(), TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
        return true;
    }

    private static void touch(Dataset ds) {
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            if (ds.valueAt(i) instanceof Sequence seq) {
                seq.forEach(FuzzTest::touch);
            } else {
                ds.getStrings(tag);
                ds.getDoubles(tag);
                ds.getLongs(tag);
                ds.getDate(tag);
                ds.getTime(tag);
                ds.getDateTime(tag);
                ds.getPersonName(tag);
            }
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] b = original.clone();
        switch (random.nextInt(5)) {
            case 0 -> { // flip a few bytes
                for (int k = 1 + random.nextInt(8); k > 0; k--) {
                    b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            case 1 -> { // truncate
                b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
            }
            case 2 -> { // corrupt what may be a 16- or 32-bit length field with an extreme value
                int at = random.nextInt(Math.max(1, b.length - 4));
                int[] extremes = {0xFFFFFFFF, 0x7FFFFFFF, 0xFFFFFFF0, 0x00010001, 0x0000FFFF, 1, 3};
                int v = extremes[random.nextInt(extremes.length)];
                for (int k = 0; k < 4 && at + k < b.length; k++) {
                    b[at + k] = (byte) (v >>> (8 * k));
                }
            }
            case 3 -> { // insert garbage
                int at = random.nextInt(b.length);
                byte[] garbage = new byte[1 + random.nextInt(16)];
                random.nextBytes(garbage);
                byte[] c = new byte[b.length + garbage.length];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(garbage, 0, c, at, garbage.length);
                System.arraycopy(b, at, c, at + garbage.length, b.length - at);
                b = c;
            }
            default -> { // overwrite a tag-like position with item / delimiter tags
                int at = random.nextInt(Math.max(1, b.length - 4)) & ~1;
                int[] tags = {0xE000FFFE, 0xE00DFFFE, 0xE0DDFFFE, 0x00107FE0};
                int v = tags[random.nextInt(tags.length)];
                for (int k = 0; k < 4 && at + k < b.length; k++) {
                    b[at + k] = (byte) (v >>> (8 * k));
                }
            }
        }
        return b;
    }
}
