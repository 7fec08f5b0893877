package org.strata.ejb.retrieve;

import java.nio.file.Path;

/**
 * One stored instance to send: its UIDs, stored transfer syntax and a local Part 10 file of its bytes, or a null file
 * when the stored object cannot be served (missing, damaged, its storage unavailable).
 */
public record RetrieveItem(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, Path file) {
}
