package org.strata.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3-compatible server for the cold tier: S3Proxy (Maven Central {@code org.gaul:s3proxy}, copied by the pom
 * to {@code it.s3proxy.jar}) run as its own process on a free loopback port, keeping objects as files under
 * {@code <dir>/data/<bucket>/<key>}, so a test can see and damage what the archive stored.
 */
final class S3Proxy implements AutoCloseable {
    static final String ACCESS_KEY = "strata-it";
    static final String SECRET_KEY = "strata-it-secret";
    static final String BUCKET = "strata-cold";
    static final String PREFIX = "archive";

    private final Process process;
    private final int port;
    private final Path data;

    private S3Proxy(Process process, int port, Path data) {
        this.process = process;
        this.port = port;
        this.data = data;
    }

    /** Starts S3Proxy with an empty bucket {@link #BUCKET}, its data and log in {@code target/it/<name>}. */
    static S3Proxy start(String name) throws Exception {
        Path jar = Path.of(System.getProperty("it.s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("S3Proxy jar missing at " + jar + " (the pom copies it in pre-integration-test)");
        }
        Path dir = Path.of(System.getProperty("it.dir"), name);
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(data.resolve(BUCKET));
        int port = StandaloneServer.freePort();
        Path properties = dir.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n", List.of(
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + data)) + "\n");
        Process p = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString(), "--properties",
                properties.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile())
                .start();
        S3Proxy proxy = new S3Proxy(p, port, data);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return proxy;
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    throw new AssertionError("S3Proxy exited; see " + dir.resolve("s3proxy.log"));
                }
                Thread.sleep(200);
            }
        }
        proxy.close();
        throw new AssertionError("S3Proxy did not listen within 60 s; see " + dir.resolve("s3proxy.log"));
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The archive's settings for a cold storage system {@code id} in this server's bucket. */
    Map<String, String> settings(String id, String secretKey) {
        String key = "strata.storage." + id + ".";
        return Map.of(key + "kind", "s3", key + "tier", "cold", key + "endpoint", endpoint(), key + "bucket", BUCKET,
                key + "prefix", PREFIX, key + "access-key", ACCESS_KEY, key + "secret-key", secretKey,
                key + "path-style", "true");
    }

    /** The file S3Proxy keeps an object of the archive's in (storage path relative to the prefix). */
    Path objectFile(String storagePath) {
        return data.resolve(BUCKET).resolve(PREFIX).resolve(storagePath);
    }

    /** Every object file in the bucket (not S3Proxy's files of a write in progress, which it renames when done). */
    List<Path> objectFiles() throws IOException {
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> files = Files.walk(data.resolve(BUCKET))) {
                return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".dcm"))
                        .toList();
            } catch (UncheckedIOException renamedWhileWalking) {
                if (attempt == 10) {
                    throw renamedWhileWalking;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
