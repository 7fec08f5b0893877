package org.strata.dicom.pixel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.strata.dicom.data.ByteOrder;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;

/**
 * Swaps a data set's Pixel Data between native and RLE Lossless encapsulated form, frame by frame. The
 * caller records the new transfer syntax (RLE Lossless, or an uncompressed one) when writing.
 */
public final class RleTranscoder {

    private RleTranscoder() {
    }

    /** Replaces native Pixel Data by RLE fragments, one per frame, with a filled Basic Offset Table. */
    public static void encode(Dataset dataset) throws IOException {
        if (dataset.getFragments(Tags.PixelData) != null) {
            throw new PixelDataException("Pixel Data is already encapsulated");
        }
        byte[] pixels = dataset.readBytes(Tags.PixelData);
        if (pixels == null) {
            throw new PixelDataException("data set has no Pixel Data");
        }
        PixelFormat format = PixelFormat.of(dataset).validate();
        int frames = format.numberOfFrames();
        byte[] offsetTable = new byte[4 * frames];
        List<byte[]> encoded = new ArrayList<>(frames);
        long offset = 0;
        for (int frame = 0; frame < frames; frame++) {
            if (offset > 0xFFFFFFFFL) {
                throw new PixelDataException("RLE frames exceed the 4 GiB a Basic Offset Table can address");
            }
            ByteOrder.put32(offsetTable, 4 * frame, (int) offset, false);
            byte[] rle = RleCodec.encodeFrame(NativeFrames.frame(pixels, format, frame), format);
            encoded.add(rle);
            offset += 8 + rle.length;
        }
        Fragments fragments = new Fragments().add(offsetTable);
        encoded.forEach(fragments::add);
        dataset.put(Tags.PixelData, VR.OB, fragments);
    }

    /** Replaces RLE fragments by native Pixel Data (OW above 8 bits allocated, else OB). */
    public static void decode(Dataset dataset) throws IOException {
        Fragments fragments = dataset.getFragments(Tags.PixelData);
        if (fragments == null) {
            throw new PixelDataException("Pixel Data is not encapsulated");
        }
        PixelFormat format = PixelFormat.of(dataset).validate();
        EncapsulatedFrames frames = locate(dataset, fragments, format.numberOfFrames());
        long total = format.totalLength();
        if (total + 1 > PixelFormat.MAX_FRAME_LENGTH) {
            throw new PixelDataException("decoded Pixel Data of " + total + " bytes does not fit in one array");
        }
        byte[] pixels = new byte[(int) (total + (total & 1))]; // padded to even length
        for (int frame = 0; frame < format.numberOfFrames(); frame++) {
            byte[] decoded = RleCodec.decodeFrame(frames.frame(frame), format);
            System.arraycopy(decoded, 0, pixels, frame * format.frameLength(), decoded.length);
        }
        dataset.remove(Tags.ExtendedOffsetTable);
        dataset.remove(Tags.ExtendedOffsetTableLengths);
        dataset.put(Tags.PixelData, format.bitsAllocated() > 8 ? VR.OW : VR.OB, pixels);
    }

    /** Locates the frames of encapsulated Pixel Data with the data set's offset tables. */
    public static EncapsulatedFrames locate(Dataset dataset, Fragments fragments, int numberOfFrames)
            throws IOException {
        List<byte[]> values = new ArrayList<>(Math.max(0, fragments.size() - 1));
        for (int i = 1; i < fragments.size(); i++) {
            values.add(fragments.bytes(i));
        }
        byte[] basicOffsetTable = fragments.size() > 0 ? fragments.bytes(0) : new byte[0];
        return EncapsulatedFrames.locate(values, basicOffsetTable, longs(dataset, Tags.ExtendedOffsetTable),
                longs(dataset, Tags.ExtendedOffsetTableLengths), numberOfFrames);
    }

    private static long[] longs(Dataset dataset, int tag) throws IOException {
        byte[] bytes = dataset.readBytes(tag);
        if (bytes == null) {
            return null;
        }
        long[] values = new long[bytes.length / 8];
        for (int i = 0; i < values.length; i++) {
            values[i] = ByteOrder.int64(bytes, 8 * i, false);
        }
        return values;
    }
}
