package org.strata.dicom.net;

import java.io.IOException;

/** The called AE answered A-ASSOCIATE-RJ. */
public class AssociationRejectedException extends IOException {
    private final AssociateReject reject;

    public AssociationRejectedException(AssociateReject reject) {
        super("association rejected: " + reject);
        this.reject = reject;
    }

    public AssociateReject reject() {
        return reject;
    }
}
