package org.strata.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.strata.bench.data.DataSetShape;

/** The harness's command-line options (run-bench.sh passes them through and adds the paths it prepared). */
public record BenchOptions(DataSetShape shape, Path dataFolder, Path workFolder, Path resultsFolder, Path strataServer,
                           String keycloakUrl, int postgresPort, Path loopbackShim, List<String> systems,
                           long indexFill, int queryRepeats, String command) {
    public static final List<String> ALL_SYSTEMS =
            List.of("strata-h2", "strata-pg", "orthanc-sqlite", "orthanc-pg", "dcmtk-storescp", "nginx");

    public static final String USAGE = """
            usage: run-bench.sh [options]
              --size SxRxI          studies x series per study x instances per series (default 10x2x100, about 1 GB)
              --systems a,b,...     which systems to measure (default all: %s)
              --index-fill N        also measure with N synthetic instances bulk-inserted into the index
                                    (Strata on PostgreSQL; others report "not available"); default 0 = off
              --query-repeats N     timed requests per QIDO-RS shape (default 50; /metadata warm uses N/5)
              --data DIR            where the generated data set lives (default bench/target/bench-data)
              --results DIR         where the reports go (default bench/results)
            """.formatted(String.join(",", ALL_SYSTEMS));

    public static BenchOptions parse(String[] args) {
        DataSetShape shape = new DataSetShape(10, 2, 100);
        Path data = Path.of("bench/target/bench-data");
        Path work = Path.of("bench/target/bench-work");
        Path results = Path.of("bench/results");
        Path server = Path.of("wildfly-config/target/strata-server");
        String keycloak = "http://127.0.0.1:8180";
        int postgresPort = 0;
        Path shim = null;
        List<String> systems = ALL_SYSTEMS;
        long fill = 0;
        int repeats = 50;
        String command = "bench/run-bench.sh";
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--size" -> shape = DataSetShape.parse(value);
                case "--data" -> data = Path.of(value);
                case "--work" -> work = Path.of(value);
                case "--results" -> results = Path.of(value);
                case "--strata-server" -> server = Path.of(value);
                case "--keycloak-url" -> keycloak = value;
                case "--postgres-port" -> postgresPort = positive(option, value);
                case "--loopback-shim" -> shim = Path.of(value);
                case "--systems" -> systems = systems(value);
                case "--index-fill" -> fill = Long.parseLong(value);
                case "--query-repeats" -> repeats = positive(option, value);
                case "--command" -> command = value;
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        if (fill < 0) {
            throw new IllegalArgumentException("--index-fill must not be negative");
        }
        return new BenchOptions(shape, data.toAbsolutePath(), work.toAbsolutePath(), results, server.toAbsolutePath(), keycloak, postgresPort, shim == null ? null : shim.toAbsolutePath(), systems, fill, repeats, command);
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive number, not '" + value + "'");
    }

    private static List<String> systems(String value) {
        List<String> systems = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!ALL_SYSTEMS.contains(s.strip())) {
                throw new IllegalArgumentException("unknown system '" + s + "' (known: " + String.join(",", ALL_SYSTEMS) + ")");
            }
            systems.add(s.strip());
        }
        return List.copyOf(systems);
    }
}
