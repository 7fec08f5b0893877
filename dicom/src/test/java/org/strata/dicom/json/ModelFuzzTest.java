package org.strata.dicom.json;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.io.Part10;
import org.strata.dicom.pixel.PixelDataException;
import org.strata.dicom.pixel.PixelFormat;
import org.strata.dicom.pixel.RleCodec;
import org.strata.dicom.testsupport.ExternalTools;
import org.strata.dicom.xml.DicomXmlReader;
import org.strata.dicom.xml.DicomXmlWriter;

/**
 * Bounded, deterministic mutation fuzzing of the readers of our formats: every mutated document either
 * reads or fails with the checked exception of its format, never anything unchecked.
 */
class ModelFuzzTest {

    private static final int MUTATIONS = 1500;

    private interface Reader {
        void read(byte[] input) throws IOException;
    }

    @Test
    void jsonReaderFailsOnlyWithModelFormatException() throws IOException {
        Dataset dataset = sample();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        DicomJsonWriter.write(dataset, json, BulkDataPolicy.INLINE, false);
        fuzz(json.toByteArray(), 1, input -> DicomJsonReader.read(new ByteArrayInputStream(input)));
    }

    @Test
    void xmlReaderFailsOnlyWithModelFormatException() throws IOException {
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        new DicomXmlWriter(xml, BulkDataPolicy.INLINE, false).write(sample());
        fuzz(xml.toByteArray(), 2, input -> DicomXmlReader.read(new ByteArrayInputStream(input)));
    }

    @Test
    void rleDecoderFailsOnlyWithPixelDataException() throws IOException {
        PixelFormat format = new PixelFormat(16, 17, 3, 16, 0, 1);
        byte[] frame = new byte[format.frameLength()];
        new Random(3).nextBytes(frame);
        for (int i = 0; i < frame.length; i += 5) {
            frame[i] = 0; // some runs as well as literals
        }
        byte[] rle = RleCodec.encodeFrame(frame, format);
        fuzz(rle, 3, input -> {
            try {
                RleCodec.decodeFrame(input, format);
            } catch (PixelDataException e) {
                throw new ModelFormatException(e.getMessage());
            }
        });
    }

    private static Dataset sample() throws IOException {
        Dataset dataset = Part10.read(ExternalTools.testFile("rtplan.dcm")).dataset();
        // rtplan brings nested sequences; the sample brings every other value shape.
        SampleDatasets.everyValueShape().forEach(e -> {
            if (e.vr() != org.strata.dicom.data.VR.SQ) {
                dataset.put(e.tag(), e.vr(), e.value());
            }
        });
        return dataset;
    }

    /** Flips, overwrites, deletes, duplicates bytes or truncates; only ModelFormatException may come out. */
    private static void fuzz(byte[] original, long seed, Reader reader) {
        Random random = new Random(seed);
        for (int round = 0; round < MUTATIONS; round++) {
            byte[] input = mutate(original, random);
            try {
                reader.read(input);
            } catch (ModelFormatException expected) {
                // the one acceptable failure
            } catch (IOException | RuntimeException | StackOverflowError e) {
                fail("mutation " + round + " (seed " + seed + ") gave " + e, e);
            }
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] input = original.clone();
        int at = random.nextInt(input.length);
        switch (random.nextInt(5)) {
            case 0 -> input[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> input[at] = (byte) "{}[]\",:0123456789-.eE\\<>/=&;nul ".charAt(random.nextInt(32));
            case 2 -> input = java.util.Arrays.copyOf(input, at);
            case 3 -> {
                byte[] shorter = new byte[input.length - 1];
                System.arraycopy(input, 0, shorter, 0, at);
                System.arraycopy(input, at + 1, shorter, at, input.length - at - 1);
                input = shorter;
            }
            default -> {
                int length = Math.min(random.nextInt(64) + 1, input.length - at);
                byte[] longer = new byte[input.length + length];
                System.arraycopy(input, 0, longer, 0, at + length);
                System.arraycopy(input, at, longer, at + length, input.length - at);
                input = longer;
            }
        }
        return input;
    }
}
