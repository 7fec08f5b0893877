package org.strata.jca.dicom.api;

import org.strata.dicom.dimse.DimseChannel;

/**
 * An association the outbound connection factory opened; {@link #close()} releases it (or aborts it when the
 * release fails) and gives the connection back to the adapter.
 */
public interface DicomAssociation extends AutoCloseable {
    /** The DIMSE channel of the open association: send requests with it. */
    DimseChannel channel();

    @Override
    void close();
}
