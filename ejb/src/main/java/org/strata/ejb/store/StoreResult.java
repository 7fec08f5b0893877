package org.strata.ejb.store;

/**
 * What became of a store request.
 *
 * @param outcome what happened
 * @param status  the DIMSE status that says it (PS3.4 B.2.3), which DICOMweb maps to its own answer
 * @param comment why, for a refusal; null on success
 */
public record StoreResult(Outcome outcome, int status, String comment) {

    public enum Outcome {
        /** Stored and indexed. */
        STORED,
        /** The same object was already stored; nothing was written. */
        ALREADY_STORED,
        /** Stored, replacing an earlier object with the same SOP Instance UID. */
        REPLACED,
        /** Stored as the current version; the earlier object with the same SOP Instance UID stays as superseded. */
        VERSIONED,
        /** Refused; nothing was stored. */
        REFUSED
    }

    public boolean isSuccess() {
        return outcome != Outcome.REFUSED;
    }

    static StoreResult refused(int status, String comment) {
        return new StoreResult(Outcome.REFUSED, status, comment);
    }
}
