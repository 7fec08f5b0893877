package org.strata.dicom.tool;

import java.io.IOException;
import java.util.Map;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dict.UidDictionary;
import org.strata.dicom.io.TransferSyntax;
import org.strata.dicom.pixel.RleTranscoder;

/** Transfer syntaxes by short name, and moving a data set's pixel data from one syntax to another. */
final class Syntaxes {

    static final String NAMES = "implicit, explicit, big, deflated, rle, or a transfer syntax UID";

    private static final Map<String, String> BY_NAME = Map.of(
            "implicit", UIDs.ImplicitVRLittleEndian,
            "explicit", UIDs.ExplicitVRLittleEndian,
            "big", UIDs.ExplicitVRBigEndian,
            "deflated", UIDs.DeflatedExplicitVRLittleEndian,
            "rle", UIDs.RLELossless);

    private Syntaxes() {
    }

    static TransferSyntax parse(String name) throws UsageException {
        String uid = BY_NAME.getOrDefault(name, name);
        if (!uid.matches("[0-9]+(\\.[0-9]+)*") || !"Transfer Syntax".equals(UidDictionary.typeOf(uid))) {
            throw new UsageException("unknown transfer syntax '" + name + "' (use " + NAMES + ")");
        }
        return TransferSyntax.forUid(uid);
    }

    /**
     * Makes the pixel data fit the target syntax: decodes RLE to native, encodes native to RLE, passes
     * other encapsulated data through unchanged to its own syntax, and refuses what needs a codec we lack.
     */
    static void transcode(Dataset dataset, TransferSyntax from, TransferSyntax to) throws IOException {
        if (!dataset.contains(Tags.PixelData) || from.equals(to)) {
            return;
        }
        boolean encapsulated = dataset.getFragments(Tags.PixelData) != null;
        boolean fromRle = from.uid().equals(UIDs.RLELossless);
        boolean toRle = to.uid().equals(UIDs.RLELossless);
        if (encapsulated && fromRle && !to.isEncapsulated()) {
            RleTranscoder.decode(dataset);
        } else if (!encapsulated && toRle) {
            RleTranscoder.encode(dataset);
        } else if (encapsulated || to.isEncapsulated()) {
            throw new IOException("cannot convert pixel data from " + UidDictionary.nameOf(from.uid()) + " to "
                    + UidDictionary.nameOf(to.uid()) + ": only RLE Lossless is encoded and decoded here");
        }
    }
}
