package org.strata.ejb.commitment;

import java.nio.file.Path;

/** What the index says of one instance: its SOP class, its file on the hot tier, the file's size and SHA-256. */
public record StoredCopy(String sopClassUid, Path file, long sizeBytes, String sha256) {
}
