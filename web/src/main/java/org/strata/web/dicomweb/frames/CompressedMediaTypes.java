package org.strata.web.dicomweb.frames;

import java.util.Map;
import org.strata.dicom.dict.UIDs;

/** The single-frame image media type of each compressed transfer syntax (PS3.18 Table 8.7.3-2). */
final class CompressedMediaTypes {
    private static final Map<String, String> BY_SYNTAX = Map.ofEntries(
            Map.entry(UIDs.JPEGBaseline8Bit, "image/jpeg"),
            Map.entry(UIDs.JPEGExtended12Bit, "image/jpeg"),
            Map.entry(UIDs.JPEGLossless, "image/jpeg"),
            Map.entry(UIDs.JPEGLosslessSV1, "image/jpeg"),
            Map.entry(UIDs.JPEGLSLossless, "image/jls"),
            Map.entry(UIDs.JPEGLSNearLossless, "image/jls"),
            Map.entry(UIDs.JPEG2000Lossless, "image/jp2"),
            Map.entry(UIDs.JPEG2000, "image/jp2"),
            Map.entry(UIDs.JPEG2000MCLossless, "image/jpx"),
            Map.entry(UIDs.JPEG2000MC, "image/jpx"),
            Map.entry(UIDs.HTJ2KLossless, "image/jphc"),
            Map.entry(UIDs.HTJ2KLosslessRPCL, "image/jphc"),
            Map.entry(UIDs.HTJ2K, "image/jphc"),
            Map.entry(UIDs.RLELossless, "image/dicom-rle"));

    private CompressedMediaTypes() {
    }

    /** The media type frames stored in {@code transferSyntaxUid} are sent as, or null if it has none. */
    static String of(String transferSyntaxUid) {
        return BY_SYNTAX.get(transferSyntaxUid);
    }
}
