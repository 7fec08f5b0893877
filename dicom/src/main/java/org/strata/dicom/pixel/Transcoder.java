package org.strata.dicom.pixel;

import java.io.IOException;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dict.UidDictionary;
import org.strata.dicom.io.TransferSyntax;

/**
 * Moves a data set's pixel data from one transfer syntax to another: between the uncompressed syntaxes (the
 * writer re-encodes), RLE Lossless to and from uncompressed, lossless JPEG to uncompressed or RLE. Other encapsulated
 * data only stays in its own syntax.
 */
public final class Transcoder {

    private Transcoder() {
    }

    /** Whether a data set stored in {@code from} can be written in {@code to}. */
    public static boolean canTranscode(String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        boolean fromEncapsulated = TransferSyntax.forUid(from).isEncapsulated();
        boolean toEncapsulated = TransferSyntax.forUid(to).isEncapsulated();
        return (!fromEncapsulated || DatasetFrames.isDecodable(from))
                && (!toEncapsulated || to.equals(UIDs.RLELossless));
    }

    /**
     * Makes the pixel data fit the target syntax: decodes RLE and lossless JPEG to native, encodes native to RLE,
     * passes other encapsulated data through unchanged to its own syntax, and refuses what needs a codec we lack.
     */
    public static void transcode(Dataset dataset, TransferSyntax from, TransferSyntax to) throws IOException {
        if (!dataset.contains(Tags.PixelData) || from.equals(to)) {
            return;
        }
        boolean encapsulated = dataset.getFragments(Tags.PixelData) != null;
        boolean toRle = to.uid().equals(UIDs.RLELossless);
        if (encapsulated && canTranscode(from.uid(), to.uid())) {
            DatasetFrames.decodeAll(dataset, from.uid());
            encapsulated = false;
        }
        if (!encapsulated && toRle) {
            RleTranscoder.encode(dataset);
        } else if (encapsulated || to.isEncapsulated()) {
            throw new IOException("cannot convert pixel data from " + UidDictionary.nameOf(from.uid()) + " to "
                    + UidDictionary.nameOf(to.uid()) + ": only RLE Lossless is encoded, only RLE Lossless and"
                    + " lossless JPEG are decoded here");
        }
    }
}
