package org.strata.dicom.pixel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.strata.dicom.data.BulkData;
import org.strata.dicom.data.ByteOrder;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dict.UidDictionary;

/**
 * One frame of a data set's Pixel Data: as native bytes (RLE and lossless JPEG decoded), or as the stored compressed
 * bytes; and a data set's whole encapsulated Pixel Data decoded.
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
     * and lossless JPEG frames are decoded. Other compressed frames are refused: {@code transferSyntaxUid} names them.
     */
    public static byte[] nativeFrame(Dataset dataset, String transferSyntaxUid, int frame) throws IOException {
        Fragments fragments = dataset.getFragments(Tags.PixelData);
        if (fragments != null) {
            return decode(transferSyntaxUid, storedFrame(dataset, frame), PixelFormat.of(dataset).validate());
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
        return locate(dataset, fragments, PixelFormat.of(dataset).numberOfFrames()).frame(frame);
    }

    /** Whether frames of this transfer syntax are decoded here: RLE Lossless and lossless JPEG (process 14). */
    public static boolean isDecodable(String transferSyntaxUid) {
        return UIDs.RLELossless.equals(transferSyntaxUid) || UIDs.JPEGLossless.equals(transferSyntaxUid)
                || UIDs.JPEGLosslessSV1.equals(transferSyntaxUid);
    }

    /** One stored frame of a decodable syntax as native little-endian bytes. */
    static byte[] decode(String transferSyntaxUid, byte[] stored, PixelFormat format) throws PixelDataException {
        if (UIDs.RLELossless.equals(transferSyntaxUid)) {
            return RleCodec.decodeFrame(stored, format);
        }
        if (isDecodable(transferSyntaxUid)) {
            return JpegLosslessCodec.decodeFrame(stored, format);
        }
        throw new PixelDataException("cannot decode " + UidDictionary.nameOf(transferSyntaxUid)
                + " pixel data: only RLE Lossless and lossless JPEG are decoded here");
    }

    /**
     * Replaces encapsulated Pixel Data of a syntax we decode (see {@link #isDecodable}) by native Pixel Data (OW
     * above 8 bits allocated, else OB).
     */
    public static void decodeAll(Dataset dataset, String transferSyntaxUid) throws IOException {
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
            byte[] decoded = decode(transferSyntaxUid, frames.frame(frame), format);
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
