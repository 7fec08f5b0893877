package org.strata.bench.systems;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.strata.bench.measure.BenchHttp;
import org.strata.bench.report.SystemInfo;

/**
 * The Strata server built by the project (wildfly-config/target/strata-server), on H2 or on the run's PostgreSQL
 * cluster, with its data folder under the run's work folder and the run's Keycloak as OIDC provider: the same
 * settings run-strata.sh passes. HTTP 8080, DICOM AE STRATA on 11112, management 9990, all on 127.0.0.1.
 */
public final class StrataSystem extends DaemonSystem {
    private static final int HTTP_PORT = 8080;
    private static final int DICOM_PORT = 11112;
    private static final int MANAGEMENT_PORT = 9990;
    private static final String DATABASE = "strata_bench";
    private final SystemInfo info;
    private final Path server;
    private final Path folder;
    private final String keycloakUrl;
    private final KeycloakTokens tokens;
    private final Postgres postgres;
    private long logOffset;

    private StrataSystem(SystemInfo info, Path server, Path folder, String keycloakUrl, Postgres postgres) {
        this.info = info;
        this.server = server;
        this.folder = folder;
        this.keycloakUrl = keycloakUrl;
        this.tokens = new KeycloakTokens(keycloakUrl);
        this.postgres = postgres;
    }

    public static BenchSystem h2(Path server, Path workFolder, String keycloakUrl) {
        return new StrataSystem(new SystemInfo("strata-h2", "Strata (H2)", true), server, workFolder.resolve("strata-h2"),
                keycloakUrl, null);
    }

    public static BenchSystem postgresql(Path server, Path workFolder, String keycloakUrl, Postgres postgres) {
        return new StrataSystem(new SystemInfo("strata-pg", "Strata (PostgreSQL)", true), server,
                workFolder.resolve("strata-pg"), keycloakUrl, postgres);
    }

    @Override
    public SystemInfo info() {
        return info;
    }

    @Override
    public void startClean() throws IOException, SystemMissingException {
        if (!Files.isRegularFile(server.resolve("strata/strata.ear"))) {
            throw new SystemMissingException("the Strata server is not built at " + server + " (mvn package)");
        }
        Daemon.requireFree(info.title(), HTTP_PORT, DICOM_PORT, MANAGEMENT_PORT);
        Folders.recreate(folder);
        if (postgres != null) {
            postgres.recreateDatabase(DATABASE);
        }
        start();
    }

    @Override

    Daemon launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(server.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.data.dir=" + folder.resolve("data"), "-Djboss.server.log.dir=" + folder.resolve("log"),
                "-Djboss.server.temp.dir=" + folder.resolve("tmp"),
                "-Dstrata.oidc.provider-url=" + keycloakUrl + "/realms/strata"));
        if (postgres != null) {
            command.addAll(List.of("-Dstrata.db.kind=PostgreSQL", "-Dstrata.db.url=" + postgres.jdbcUrl(DATABASE),
                    "-Dstrata.db.user=strata",
                    // The cluster trusts loopback connections; WildFly refuses an empty password.
                    "-Dstrata.db.password=bench"));
        }
        Path serverLog = folder.resolve("log/server.log");
        logOffset = Files.exists(serverLog) ? Files.size(serverLog) : 0;
        Daemon daemon = Daemon.start(info.title(), command, Map.of("LAUNCH_JBOSS_IN_BACKGROUND", "1"), folder.resolve("log/console.log"));
        daemon.awaitReady(() -> BenchHttp.status("http://127.0.0.1:" + HTTP_PORT + "/strata/api/health") == 200,
                () -> startFailure(serverLog), 300);
        return daemon;
    }

    /** What run-strata.sh looks for: Strata's own refusal to start, or WildFly started with errors (WFLYSRV0026). */
    private String startFailure(Path serverLog) {
        try {
            if (!Files.exists(serverLog)) {
                return null;
            }
            String log = Files.readString(serverLog);
            String fresh = log.substring((int) Math.min(logOffset, log.length()));
            int refusal = fresh.indexOf("Strata cannot start:");
            if (refusal >= 0) {
                return fresh.substring(refusal, fresh.indexOf('\n', refusal) < 0 ? fresh.length() : fresh.indexOf('\n', refusal));
            }
            return fresh.contains("WFLYSRV0026") ? "WildFly started with errors (WFLYSRV0026)" : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Optional<DicomAddress> storeScp() {
        return Optional.of(new DicomAddress("STRATA", DICOM_PORT));
    }

    @Override
    public Optional<DicomAddress> moveScp() {
        return storeScp();
    }

    @Override
    public void registerMoveDestination(String aeTitle, int port) throws IOException {
        BenchHttp.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + "/strata/api/admin/remote-aes/" + aeTitle))
                .header("Authorization", tokens.bearer()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"host\":\"127.0.0.1\",\"port\":" + port + ",\"tls\":false}")).build());
    }

    @Override
    public Optional<DicomWebEndpoint> dicomWeb() {
        return Optional.of(new DicomWebEndpoint("http://127.0.0.1:" + HTTP_PORT + "/dicom-web", tokens::authorization));
    }

    /**
     * The documented bulk path for the large-index point (PostgreSQL only): SQL inserts of synthetic patients,
     * studies (one per patient), series and instances straight into the index tables, in one transaction. Their
     * names ('FILL^…'), dates (2000-2009) and modality (MR) differ from the measured data set, so every query of
     * the run returns the same matches with or without them; only the index is larger. Instance rows point at no
     * file (they are never retrieved).
     */
    @Override
    public boolean hasBulkIndexPath() {
        return postgres != null;
    }

    @Override
    public void bulkFillIndex(long instances) throws IOException {
        long studies = Math.max(1, instances / 200);
        postgres.psql(DATABASE, IndexFill.sql(studies));
    }
}
