package org.strata.dicom.net;

import java.io.IOException;

/** A PDU that violates PS3.8; carries the A-ABORT reason we answer it with. */
public class PduFormatException extends IOException {
    private final int abortReason;

    public PduFormatException(int abortReason, String message) {
        super(message);
        this.abortReason = abortReason;
    }

    /** The A-ABORT reason (see {@link AbortReason}). */
    public int abortReason() {
        return abortReason;
    }
}
