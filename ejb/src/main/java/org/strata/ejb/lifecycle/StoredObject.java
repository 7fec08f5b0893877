package org.strata.ejb.lifecycle;

/** Where the index says one instance's bytes are, and what they must hash to. */
public record StoredObject(long instancePk, String sopInstanceUid, String storageId, String path, long size, String sha256) {
}
