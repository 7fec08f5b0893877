package org.strata.ejb.store;

/**
 * One object to store, as its sender described it.
 *
 * @param sopClassUid       SOP Class UID the sender declared (C-STORE command or the part's file meta)
 * @param sopInstanceUid    SOP Instance UID the sender declared
 * @param transferSyntaxUid how the data set that follows is encoded
 * @param sourceAeTitle     the sender's AE title, or null (DICOMweb)
 */
public record StoreRequest(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, String sourceAeTitle) {
}
