package org.strata.dicom.dimse;

import java.io.IOException;

/** A malformed DIMSE message, or a DIMSE operation that cannot be carried out. */
public class DimseException extends IOException {
    public DimseException(String message) {
        super(message);
    }
}
