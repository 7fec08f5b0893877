package org.strata.bench.systems;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.strata.bench.report.SystemInfo;

/**
 * nginx serving the data set's files as they are (sendfile, no logging), on 127.0.0.1: the bound for HTTP
 * retrieval. Runs in the foreground with its own configuration and prefix under the work folder.
 */
public final class NginxSystem extends DaemonSystem {
    private final Path folder;
    private final Path dataSetFolder;
    private final int port;

    public NginxSystem(Path workFolder, Path dataSetFolder, int port) {
        this.folder = workFolder.resolve("nginx");
        this.dataSetFolder = dataSetFolder;
        this.port = port;
    }

    @Override
    public SystemInfo info() {
        return new SystemInfo("nginx", "nginx (static files)", false);
    }

    @Override
    public void startClean() throws IOException, SystemMissingException {
        if (!Files.isExecutable(Path.of("/usr/sbin/nginx")) && !Folders.onPath("nginx")) {
            throw new SystemMissingException("nginx not found (apt-get install -y nginx)");
        }
        Daemon.requireFree("nginx", port);
        Folders.recreate(folder);
        Files.writeString(folder.resolve("nginx.conf"), """
                daemon off;
                worker_processes 2;
                user root;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 256; }
                http {
                  access_log off;
                  sendfile on;
                  tcp_nodelay on;
                  client_body_temp_path %1$s/tmp;
                  proxy_temp_path %1$s/tmp;
                  fastcgi_temp_path %1$s/tmp;
                  uwsgi_temp_path %1$s/tmp;
                  scgi_temp_path %1$s/tmp;
                  types { application/dicom dcm; }
                  server {
                    listen 127.0.0.1:%2$d;
                    root %3$s;
                  }
                }
                """.formatted(folder, port, dataSetFolder.toAbsolutePath()));
        start();
    }

    @Override
    Daemon launch() throws IOException {
        String nginx = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        Daemon daemon = Daemon.start("nginx", List.of(nginx, "-p", folder.toString(), "-c", folder.resolve("nginx.conf").toString()),
                Map.of(), folder.resolve("console.log"));
        daemon.awaitReady(() -> Daemon.portOpen(port), () -> null, 30);
        return daemon;
    }

    @Override
    public Optional<URI> staticFileUrl(Path dataSetFolder, Path file) {
        return Optional.of(URI.create("http://127.0.0.1:" + port + "/" + dataSetFolder.relativize(file).toString().replace('\\', '/')));
    }
}
