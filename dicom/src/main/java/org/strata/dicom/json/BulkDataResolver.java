package org.strata.dicom.json;

import java.io.IOException;
import org.strata.dicom.data.VR;

/** Turns a bulk data URI met in DICOM JSON or XML into a value: {@code byte[]} (little endian) or BulkData. */
@FunctionalInterface
public interface BulkDataResolver {

    /** Refuses every URI: for callers that expect inline values only. */
    BulkDataResolver NONE = (uri, tag, vr) -> {
        throw new ModelFormatException(String.format("element %08X refers to bulk data at %s, which this reader"
                + " was not given a way to fetch", tag, uri));
    };

    Object resolve(String uri, int tag, VR vr) throws IOException;
}
