package org.strata.ejb.commitment;

/**
 * What the archive holds of one instance: its SOP class and, when its stored object is not intact, why (null when
 * it is: present, with the size and SHA-256 the index recorded).
 */
public record StoredCopy(String sopClassUid, String problem) {
}
