package org.strata.dicom.tool;

import java.util.Map;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dict.UidDictionary;
import org.strata.dicom.io.TransferSyntax;

/** Transfer syntaxes by short name. */
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
}
