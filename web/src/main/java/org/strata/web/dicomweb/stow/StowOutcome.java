package org.strata.web.dicomweb.stow;

/**
 * What became of one instance of a STOW-RS request.
 *
 * @param sopClassUid    its SOP Class UID, or null when it could not be read
 * @param sopInstanceUid its SOP Instance UID, or null when it could not be read
 * @param studyUid       its Study Instance UID when stored, else null
 * @param seriesUid      its Series Instance UID when stored, else null
 * @param failureReason  the status of a refusal (PS3.18 FailureReason: the DIMSE status of the store), or null
 * @param comment        why it was refused, for the log; null when stored
 */
record StowOutcome(String sopClassUid, String sopInstanceUid, String studyUid, String seriesUid,
                   Integer failureReason, String comment) {

    static StowOutcome stored(String sopClassUid, String sopInstanceUid, String studyUid, String seriesUid) {
        return new StowOutcome(sopClassUid, sopInstanceUid, studyUid, seriesUid, null, null);
    }

    static StowOutcome failed(String sopClassUid, String sopInstanceUid, int reason, String comment) {
        return new StowOutcome(sopClassUid, sopInstanceUid, null, null, reason, comment);
    }

    boolean isStored() {
        return failureReason == null;
    }
}
