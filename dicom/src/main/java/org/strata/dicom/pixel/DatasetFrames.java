package org.strata.dicom.pixel;

import java.io.IOException;
import org.strata.dicom.data.BulkData;
import org.strata.dicom.data.ByteOrder;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dict.UidDictionary;

/**
 * One frame of a data set's Pixel Data: as native bytes (RLE decoded), or as the stored compressed bytes.
 * Native Pixel Data left on disk as {@link BulkData} is read frame by frame, never whole.
 */
public final class DatasetFrames {

    private DatasetFrames() {
    }

    /** True if the data set holds encapsulated (compressed) Pixel Data. */
    public static boolean isEncapsulated(Dataset dataset) {
        return dataset.getFragments(Tags.PixelData) != null;
    }

    /**
     * Frame {@code frame} (0-based) as native little-endian bytes, interleaved or planar as stored; RLE Lossless
     * frames are decoded. Other compressed frames are refused: {@code transferSyntaxUid} names them.
     */
    public static byte[] nativeFrame(Dataset dataset, String transferSyntaxUid, int frame) throws IOException {
        Fragments fragments = dataset.getFragments(Tags.PixelData);
        if (fragments != null) {
            if (!UIDs.RLELossless.equals(transferSyntaxUid)) {
                throw new PixelDataException("cannot decode " + UidDictionary.nameOf(transferSyntaxUid)
                        + " pixel data: only RLE Lossless is decoded here");
            }
            return RleCodec.decodeFrame(storedFrame(dataset, frame), PixelFormat.of(dataset).validate());
        }
        PixelFormat format = nativeLayout(dataset).validate();
        Object value = dataset.get(Tags.PixelData);
        if (value == null) {
            throw new PixelDataException("data set has no Pixel Data");
        }
        if (value instanceof BulkData bulk && format.bitsAllocated() % 8 == 0) {
            long offset = NativeFrames.frameOffset(format, frame);
            if (offset + format.frameLength() > bulk.length()) {
                throw new PixelDataException("Pixel Data has " + bulk.length() + " bytes, frame " + frame
                        + " needs " + (offset + format.frameLength()));
            }
            byte[] bytes = new BulkData(bulk.uri(), bulk.offset() + offset, format.frameLength(), bulk.bigEndian())
                    .readBytes();
            if (bulk.bigEndian()) {
                ByteOrder.swap(bytes, 0, bytes.length, dataset.byteSwapUnit(Tags.PixelData, dataset.vr(Tags.PixelData)));
            }
            return bytes;
        }
        return NativeFrames.frame(dataset.readBytes(Tags.PixelData), format, frame);
    }

    /** Frame {@code frame} (0-based) of encapsulated Pixel Data as stored: its fragments concatenated. */
    public static byte[] storedFrame(Dataset dataset, int frame) throws IOException {
        Fragments fragments = dataset.getFragments(Tags.PixelData);
        if (fragments == null) {
            throw new PixelDataException("Pixel Data is not encapsulated");
        }
        return RleTranscoder.locate(dataset, fragments, PixelFormat.of(dataset).numberOfFrames()).frame(frame);
    }

    /**
     * How uncompressed Pixel Data is laid out: as the data set declares, except YBR_FULL_422, whose frames hold
     * two values per pixel (Y1 Y2 Cb Cr for each pair of pixels, PS3.3 C.7.6.3.1.2).
     */
    public static PixelFormat nativeLayout(Dataset dataset) {
        PixelFormat declared = PixelFormat.of(dataset);
        if (!"YBR_FULL_422".equals(dataset.getString(Tags.PhotometricInterpretation, "").strip())) {
            return declared;
        }
        return new PixelFormat(declared.rows(), declared.columns(), 2, declared.bitsAllocated(), 0,
                declared.numberOfFrames());
    }

    /** Number of Frames, 1 when absent. */
    public static int numberOfFrames(Dataset dataset) {
        return Math.max(1, dataset.getInt(Tags.NumberOfFrames, 1));
    }
}
