package org.strata.ejb.lifecycle;

/**
 * Where the index says one object's bytes are, and what they must hash to: an instance's current version, or a
 * version it superseded (setting {@code strata.store.duplicates=KEEP_VERSIONS}), which moves and is checked alike.
 *
 * @param pk         the key of its row: in table {@code instance}, or in {@code instance_version} when superseded
 * @param superseded whether it is a superseded version
 */
public record StoredObject(long pk, boolean superseded, String sopInstanceUid, String storageId, String path, long size,
                           String sha256) {
}
