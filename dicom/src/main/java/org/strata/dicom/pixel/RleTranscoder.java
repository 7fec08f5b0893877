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
 * Encodes a data set's native Pixel Data as RLE Lossless, frame by frame (decoding is
 * {@link DatasetFrames#decodeAll}). The caller records the new transfer syntax when writing.
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
}
