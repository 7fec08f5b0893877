package org.strata.ejb.retrieve;

import java.nio.file.Path;

/** One stored instance to send: its UIDs, stored transfer syntax and Part 10 file. */
public record RetrieveItem(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, Path file) {
}
