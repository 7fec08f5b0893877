package org.strata.bench.systems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.strata.bench.measure.BenchHttp;
import org.strata.bench.report.SystemInfo;

/**
 * Orthanc (Debian package, 1.10.1) with its DICOMweb plugin, on SQLite or, with the PostgreSQL index plugin, on
 * the run's PostgreSQL cluster. Configured by a JSON file the harness writes; kept on loopback by the LD_PRELOAD
 * shim (Orthanc has no bind-address option) and run with TCP_NODELAY=1.
 */
public final class OrthancSystem {
    private OrthancSystem() {
    }

    static final String PLUGINS = "/usr/share/orthanc/plugins/";

    /** Orthanc on its own SQLite index; {@code moveDestination} is configured as its one known modality. */
    public static BenchSystem sqlite(Path workFolder, Path loopbackShim, int httpPort, int dicomPort, DicomAddress moveDestination) {
        return new Instance(new SystemInfo("orthanc-sqlite", "Orthanc (SQLite)", false), workFolder.resolve("orthanc-sqlite"),
                loopbackShim, httpPort, dicomPort, moveDestination, null);
    }

    /** Orthanc with the PostgreSQL index plugin (files stay in its storage folder). */
    public static BenchSystem postgresql(Path workFolder, Path loopbackShim, int httpPort, int dicomPort,
                                         DicomAddress moveDestination, Postgres postgres) {
        return new Instance(new SystemInfo("orthanc-pg", "Orthanc (PostgreSQL)", false), workFolder.resolve("orthanc-pg"),
                loopbackShim, httpPort, dicomPort, moveDestination, postgres);
    }

    private static final class Instance extends DaemonSystem {
        private static final String DATABASE = "orthanc_bench";
        private final SystemInfo info;
        private final Path folder;
        private final Path loopbackShim;
        private final int httpPort;
        private final int dicomPort;
        private final DicomAddress moveDestination;
        private final Postgres postgres;

        Instance(SystemInfo info, Path folder, Path loopbackShim, int httpPort, int dicomPort, DicomAddress moveDestination,
                 Postgres postgres) {
            this.info = info;
            this.folder = folder;
            this.loopbackShim = loopbackShim;
            this.httpPort = httpPort;
            this.dicomPort = dicomPort;
            this.moveDestination = moveDestination;
            this.postgres = postgres;
        }

        @Override
        public SystemInfo info() {
            return info;
        }

        @Override
        public void startClean() throws IOException, SystemMissingException {
            if (!Folders.onPath("Orthanc")) {
                throw new SystemMissingException("Orthanc not found (apt-get install -y orthanc orthanc-dicomweb)");
            }
            if (!Files.exists(Path.of(PLUGINS, "libOrthancDicomWeb.so"))) {
                throw new SystemMissingException("the DICOMweb plugin is missing (apt-get install -y orthanc-dicomweb)");
            }
            if (postgres != null && !Files.exists(Path.of(PLUGINS, "libOrthancPostgreSQLIndex.so"))) {
                throw new SystemMissingException("the PostgreSQL plugin is missing (apt-get install -y orthanc-postgresql)");
            }
            if (loopbackShim == null || !Files.isRegularFile(loopbackShim)) {
                throw new SystemMissingException("the loopback shim was not built (gcc is needed: apt-get install -y gcc)");
            }
            Daemon.requireFree(info.title(), httpPort, dicomPort);
            Folders.recreate(folder);
            if (postgres != null) {
                postgres.recreateDatabase(DATABASE);
            }
            Files.writeString(folder.resolve("orthanc.json"), configuration());
            start();
        }

        private String configuration() {
            String plugins = '"' + PLUGINS + "libOrthancDicomWeb.so\""
                    + (postgres != null ? ", \"" + PLUGINS + "libOrthancPostgreSQLIndex.so\"" : "");
            String postgresql = postgres == null ? "" : """
                      "PostgreSQL": {"EnableIndex": true, "EnableStorage": false, "Host": "127.0.0.1", "Port": %d,
                                     "Database": "%s", "Username": "strata", "Password": "", "Lock": false},
                    """.formatted(postgres.port(), DATABASE);
            return """
                    {
                      "Name": "bench",
                      "StorageDirectory": "%1$s",
                      "IndexDirectory": "%2$s",
                      "StorageCompression": false,
                      "HttpPort": %3$d,
                      "DicomPort": %4$d,
                      "DicomAet": "ORTHANC",
                      "RemoteAccessAllowed": false,
                      "AuthenticationEnabled": false,
                      "DicomAlwaysAllowStore": true,
                      "DicomAlwaysAllowMove": true,
                      "DicomCheckCalledAet": false,
                      "SaveJobs": false,
                      "DicomModalities": {"%7$s": ["%7$s", "127.0.0.1", %8$d]},
                      "Plugins": [%5$s],
                    %6$s  "DicomWeb": {"Enable": true, "Root": "/dicom-web/", "EnableWado": true}
                    }
                    """.formatted(folder.resolve("storage"), folder.resolve("index"), httpPort, dicomPort, plugins, postgresql,
                    moveDestination.aeTitle(), moveDestination.port());
        }

        @Override
        Daemon launch() throws IOException {
            Daemon daemon = Daemon.start(info.title(), List.of("Orthanc", folder.resolve("orthanc.json").toString()),
                    Map.of("LD_PRELOAD", loopbackShim.toString()), folder.resolve("orthanc.log"));
            daemon.awaitReady(() -> BenchHttp.status("http://127.0.0.1:" + httpPort + "/system") == 200, () -> null, 120);
            return daemon;
        }

        @Override
        public Optional<DicomAddress> storeScp() {
            return Optional.of(new DicomAddress("ORTHANC", dicomPort));
        }

        @Override
        public Optional<DicomAddress> moveScp() {
            return storeScp();
        }

        @Override
        public void registerMoveDestination(String aeTitle, int port) throws IOException {
            if (!moveDestination.equals(new DicomAddress(aeTitle, port))) {
                throw new IOException("Orthanc's configuration knows only " + moveDestination + " as C-MOVE destination");
            }
        }

        @Override
        public Optional<DicomWebEndpoint> dicomWeb() {
            return Optional.of(new DicomWebEndpoint("http://127.0.0.1:" + httpPort + "/dicom-web", Optional::empty));
        }
    }
}
