package org.strata.ejb.store;

/**
 * What to do when an object arrives whose SOP Instance UID is stored already with different content (identical
 * content is always acknowledged without a second copy). Setting {@code strata.store.duplicates}.
 */
public enum DuplicatePolicy {
    /** Refuse the newcomer with status 0111 (duplicate SOP instance). */
    REJECT,
    /** Keep the newest: the newcomer replaces the stored object. */
    REPLACE
}
