package org.strata.ejb.query;

import org.strata.dicom.data.BulkData;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;

/** Copies attributes of a match's stored header copy ({@link PageAttributes#header}) into its response. */
final class MatchHeader {
    private MatchHeader() {
    }

    /**
     * Copies one element of a header into a response, text decoded (the response has its own character set);
     * large values left out of the header are not copied.
     *
     * @return true if the copied text is ASCII
     */
    static boolean copy(Dataset header, int tag, Dataset response) {
        return copyElement(header, tag, header.vr(tag), header.get(tag), response);
    }

    private static boolean copyElement(Dataset from, int tag, VR vr, Object value, Dataset to) {
        if (value instanceof BulkData || value instanceof Fragments || tag == Tags.PixelData) {
            return true;
        }
        if (value instanceof Sequence items) {
            boolean ascii = true;
            Sequence copies = to.newSequence(tag);
            for (Dataset item : items) {
                Dataset copy = copies.addItem();
                for (int i = 0; i < item.size(); i++) {
                    ascii &= copyElement(item, item.tagAt(i), item.vrAt(i), item.valueAt(i), copy);
                }
            }
            return ascii;
        }
        if (value != null && vr.isText()) {
            String[] values = from.getStrings(tag);
            to.setString(tag, vr, values);
            return String.join("", values).chars().allMatch(c -> c < 0x80);
        }
        to.put(tag, vr, value instanceof byte[] bytes ? bytes.clone() : value);
        return true;
    }
}
