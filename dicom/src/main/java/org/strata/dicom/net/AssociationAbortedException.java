package org.strata.dicom.net;

import java.io.IOException;

/** The association ended by A-ABORT (sent or received) or by a lost transport. */
public class AssociationAbortedException extends IOException {
    public AssociationAbortedException(String message) {
        super(message);
    }

    public AssociationAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
