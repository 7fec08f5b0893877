package org.strata.bench.systems;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.strata.bench.report.SystemInfo;

/**
 * DCMTK's storescp writing every object to a folder, one forked process per association: the bound for DIMSE
 * ingest (it indexes nothing and does not sync files to disk).
 */
public final class StorescpSystem extends DaemonSystem {
    private final Path folder;
    private final int port;

    public StorescpSystem(Path workFolder, int port) {
        this.folder = workFolder.resolve("dcmtk-storescp");
        this.port = port;
    }

    @Override
    public SystemInfo info() {
        return new SystemInfo("dcmtk-storescp", "DCMTK storescp", false);
    }

    @Override
    public void startClean() throws IOException, SystemMissingException {
        if (!Folders.onPath("storescp")) {
            throw new SystemMissingException("storescp not found (apt-get install -y dcmtk)");
        }
        Daemon.requireFree("storescp", port);
        Folders.recreate(folder.resolve("files"));
        start();
    }

    @Override
    Daemon launch() throws IOException {
        Daemon daemon = Daemon.start("storescp", List.of("storescp", "--fork", "-aet", "STORESCP",
                "-od", folder.resolve("files").toString(), Integer.toString(port)), Map.of(), folder.resolve("storescp.log"));
        daemon.awaitReady(() -> Daemon.portOpen(port), () -> null, 30);
        return daemon;
    }

    @Override
    public Optional<DicomAddress> storeScp() {
        return Optional.of(new DicomAddress("STORESCP", port));
    }
}
