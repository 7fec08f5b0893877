package org.strata.bench.systems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The throwaway PostgreSQL cluster of a run (started by run-bench.sh, user {@code strata}, trust on loopback),
 * driven with psql: each system gets its own database, dropped and created again for every clean start.
 */
public final class Postgres {
    private final int port;

    public Postgres(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void recreateDatabase(String database) throws IOException {
        // DROP and CREATE DATABASE refuse to run inside a transaction: one psql call each.
        run("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", false);
        run("postgres", "CREATE DATABASE " + database, false);
    }

    /** Runs SQL (one or more statements, in one transaction) in a database. */
    public void psql(String database, String sql) throws IOException {
        run(database, sql, true);
    }

    private void run(String database, String sql, boolean singleTransaction) throws IOException {
        List<String> command = new ArrayList<>(List.of(psqlBinary(), "-X", "-q", "-v", "ON_ERROR_STOP=1"));
        if (singleTransaction) {
            command.add("-1");
        }
        command.addAll(List.of("-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "strata", "-d", database, "-c", sql));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(3, TimeUnit.HOURS) || p.exitValue() != 0) {
                throw new IOException("psql on database " + database + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted in psql", e);
        }
    }

    private static String psqlBinary() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin/psql")).filter(Files::isExecutable)
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new IOException("psql not found under /usr/lib/postgresql (apt-get install -y postgresql)"))
                    .toString();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("PostgreSQL is not installed (apt-get install -y postgresql)", e);
        }
    }
}
