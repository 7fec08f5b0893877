package org.strata.dicom.io;

import java.io.IOException;
import java.io.InputStream;
import org.strata.dicom.data.BulkData;
import org.strata.dicom.data.VR;

/** Receives pixel data (and other bulk values) while reading, so the reader never holds them in memory. */
@FunctionalInterface
public interface BulkDataSink {
    /**
     * Consumes one value: a native value ({@code fragment} == -1) or one item of encapsulated pixel data
     * ({@code fragment} 0 is the Basic Offset Table, 1.. the fragments). {@code value} delivers at most
     * {@code length} bytes in the transfer syntax's byte order; unread bytes are skipped afterwards.
     *
     * @return what the data set keeps in the value's place (e.g. a reference to where it was stored), or
     *     null to keep nothing (native: element with empty value; fragment: item left out)
     */
    BulkData accept(int tag, VR vr, int fragment, long length, InputStream value) throws IOException;
}
