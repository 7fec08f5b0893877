package org.strata.ejb.store;

import java.nio.file.Path;

/**
 * A received object written to the hot tier's {@code .incoming/} folder and synced, not yet indexed.
 *
 * @param part   the file as written
 * @param size   its size in bytes
 * @param sha256 hex SHA-256 of its bytes
 */
record ReceivedFile(Path part, long size, String sha256) {
}
