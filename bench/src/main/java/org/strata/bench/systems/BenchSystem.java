package org.strata.bench.systems;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.strata.bench.report.SystemInfo;

/**
 * A system under measurement, on loopback. A service it does not offer is an empty Optional (the report then says
 * "not available"); a system that is not installed throws {@link SystemMissingException} from {@link #startClean()}.
 */
public interface BenchSystem {
    SystemInfo info();

    /** Starts from an empty state (no stored objects, empty index). */
    void startClean() throws IOException, SystemMissingException;

    /** Stops and starts again keeping every stored object, so the next reads are cold in the server's caches. */
    void restart() throws IOException;

    void stop();

    /** The server's root process, for CPU and memory readings. */
    long pid();

    /** Where it takes C-STORE. */
    default Optional<DicomAddress> storeScp() {
        return Optional.empty();
    }

    /** Where it takes C-MOVE; the destination must have been registered with {@link #registerMoveDestination}. */
    default Optional<DicomAddress> moveScp() {
        return Optional.empty();
    }

    /** Makes {@code aeTitle} at 127.0.0.1:{@code port} a known C-MOVE destination (only if {@link #moveScp()} is present). */
    default void registerMoveDestination(String aeTitle, int port) throws IOException {
        throw new UnsupportedOperationException(info().title() + " has no C-MOVE");
    }

    /** Its DICOMweb service (PS3.18 paths under the base URL). */
    default Optional<DicomWebEndpoint> dicomWeb() {
        return Optional.empty();
    }

    /** For a static web server: the URL of one file of the data set folder. */
    default Optional<java.net.URI> staticFileUrl(Path dataSetFolder, Path file) {
        return Optional.empty();
    }

    /** Whether {@link #bulkFillIndex} works: a documented path that fills the index without storing objects. */
    default boolean hasBulkIndexPath() {
        return false;
    }

    /** Adds about {@code instances} synthetic instances to the index by the bulk path (the server is stopped). */
    default void bulkFillIndex(long instances) throws IOException {
        throw new UnsupportedOperationException(info().title() + " has no bulk index path");
    }
}
