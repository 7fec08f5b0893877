package org.strata.ejb.store;

/**
 * What to do when an object arrives whose SOP Instance UID is stored already with different content (identical
 * content is always acknowledged without a second copy). Setting {@code strata.store.duplicates}.
 */
public enum DuplicatePolicy {
    /** Refuse the newcomer with status 0111 (duplicate SOP instance). */
    REJECT,
    /** Keep the newest: the newcomer replaces the stored object. */
    REPLACE,
    /**
     * Keep every version: the newcomer becomes the current one (what queries and retrieves see), the stored object
     * stays stored and indexed as a superseded version.
     */
    KEEP_VERSIONS
}
