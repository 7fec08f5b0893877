package org.strata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.strata.bench.data.CtTemplate;
import org.strata.bench.data.DataSetGenerator;
import org.strata.bench.data.DataSetShape;
import org.strata.bench.data.GeneratedDataSet;
import org.strata.bench.report.Cell;
import org.strata.bench.report.ReportWriter;
import org.strata.bench.report.ResultTable;

import org.strata.bench.systems.BenchSystem;
import org.strata.bench.systems.NginxSystem;
import org.strata.bench.systems.OrthancSystem;
import org.strata.bench.systems.Postgres;
import org.strata.bench.systems.StorescpSystem;
import org.strata.bench.systems.StrataSystem;

/**
 * The benchmark (started by bench/run-bench.sh): makes the data set, measures every system on it one after the
 * other, writes bench/results/DATE-SIZE.md and .csv. Exit status 0, or 1 if Strata itself failed (a missing or
 * failing peer is only reported), or 2 for bad options.
 */
public final class BenchMain {
    private static final String SEED = "strata-bench-1";
    /** Sent before each timed ingest, the same to every system, so a JIT compiler's warm-up is not what is measured. */
    private static final DataSetShape WARMUP_SHAPE = new DataSetShape(1, 1, 20);
    private static final int ORTHANC_HTTP_PORT = 8042;
    private static final int ORTHANC_DICOM_PORT = 4242;
    private static final int STORESCP_PORT = 11113;
    private static final int NGINX_PORT = 8088;
    private static final int MOVE_DESTINATION_PORT = 11119;

    private BenchMain() {
    }

    public static void main(String[] args) throws IOException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
        String machine = MachineInfo.describe();
        GeneratedDataSet data = dataSet(options, options.shape(), "BENCH");
        GeneratedDataSet warmup = dataSet(options, WARMUP_SHAPE, "WARMUP");
        ResultTable table = new ResultTable();
        List<BenchSystem> systems = systems(options, data);
        systems.forEach(s -> table.addSystem(s.info()));
        BenchRun run = new BenchRun(data, warmup, table, options.workFolder(), options.queryRepeats(), options.indexFill(),
                MOVE_DESTINATION_PORT);
        run.declareMetrics();
        for (BenchSystem system : systems) {
            if (system.info().id().endsWith("-pg") && options.postgresPort() == 0) {
                table.setSystemState(system.info().id(), new Cell.Missing("no PostgreSQL cluster (--postgres-port)"));
                continue;
            }
            run.measure(system);
        }
        String preamble = "# Strata benchmark " + started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")) + "\n\n"
                + "- command: `" + options.command() + "`\n"
                + "- machine: " + machine + "\n"
                + "- data: " + data.shape() + " (studies x series x instances) = " + data.shape().instances() + " instances, "
                + String.format(java.util.Locale.ROOT, "%.0f MB", data.bytes() / 1e6) + ", 512x512x16 CT cloned from "
                + CtTemplate.SOURCE.getFileName() + " (uncompressed, Explicit VR LE)\n"
                + (options.indexFill() > 0 ? "- bulk-filled index point: " + options.indexFill() + " synthetic instances\n" : "")
                + "\n" + Targets.summary(table) + "\n";
        Files.createDirectories(options.resultsFolder());
        String name = started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + "-" + data.shape();
        Path md = options.resultsFolder().resolve(name + ".md");
        Files.writeString(md, ReportWriter.markdown(table, preamble));
        Files.writeString(options.resultsFolder().resolve(name + ".csv"), ReportWriter.csv(table));
        System.out.println("bench: report written to " + md + " and " + name + ".csv");
        if (table.strataFailed()) {
            System.err.println("bench: Strata itself failed (see the FAILED cells of " + md + ")");
            System.exit(1);
        }
    }

    /** The measured data set, made once per size and seed and reused by later runs while complete. */
    private static GeneratedDataSet dataSet(BenchOptions options, DataSetShape shape, String label) throws IOException {
        Path folder = options.dataFolder().resolve(label.toLowerCase(java.util.Locale.ROOT) + "-" + shape);
        DataSetGenerator generator = new DataSetGenerator(CtTemplate.load(options.dataFolder()), shape, SEED, label);
        Path complete = folder.resolve(".complete");
        if (Files.exists(complete)) {
            return generator.describe(folder);
        }
        System.out.println("bench: generating " + shape + " into " + folder);
        GeneratedDataSet data = generator.generate(folder);
        Files.writeString(complete, SEED + "\n");
        return data;
    }

    private static List<BenchSystem> systems(BenchOptions options, GeneratedDataSet data) {
        Path work = options.workFolder();
        Postgres postgres = new Postgres(options.postgresPort());
        List<BenchSystem> systems = new ArrayList<>();
        for (String id : options.systems()) {
            systems.add(switch (id) {
                case "strata-h2" -> StrataSystem.h2(options.strataServer(), work, options.keycloakUrl());
                case "strata-pg" -> StrataSystem.postgresql(options.strataServer(), work, options.keycloakUrl(), postgres);
                case "orthanc-sqlite" -> OrthancSystem.sqlite(work, options.loopbackShim(), ORTHANC_HTTP_PORT, ORTHANC_DICOM_PORT,
                        BenchRun.moveDestination(MOVE_DESTINATION_PORT));
                case "orthanc-pg" -> OrthancSystem.postgresql(work, options.loopbackShim(), ORTHANC_HTTP_PORT, ORTHANC_DICOM_PORT,
                        BenchRun.moveDestination(MOVE_DESTINATION_PORT), postgres);
                case "dcmtk-storescp" -> new StorescpSystem(work, STORESCP_PORT);
                case "nginx" -> new NginxSystem(work, data.folder(), NGINX_PORT);
                default -> throw new IllegalArgumentException("unknown system " + id);
            });
        }
        return systems;
    }
}
