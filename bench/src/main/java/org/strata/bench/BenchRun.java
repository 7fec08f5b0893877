package org.strata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.strata.bench.Metrics.IngestMetrics;
import org.strata.bench.Metrics.QueryShape;
import org.strata.bench.data.DataSetGenerator;
import org.strata.bench.data.GeneratedDataSet;
import org.strata.bench.data.GeneratedStudy;
import org.strata.bench.measure.Dcmtk;
import org.strata.bench.measure.DicomWebClient;
import org.strata.bench.measure.Percentiles;
import org.strata.bench.measure.ProcessStats;
import org.strata.bench.measure.ServiceNotAvailableException;
import org.strata.bench.report.Cell;
import org.strata.bench.report.Metric;
import org.strata.bench.report.ResultTable;
import org.strata.bench.systems.BenchSystem;
import org.strata.bench.systems.DicomAddress;
import org.strata.bench.systems.DicomWebEndpoint;
import org.strata.bench.systems.Folders;
import org.strata.bench.systems.SystemMissingException;

/**
 * Measures one system after another on the same data set, each from a clean start for every ingest measurement.
 * Per system: STOW-RS (1, then 20 instances per request), C-STORE over 1, then 4 associations; on the data of the
 * last ingest, after a restart: /metadata cold and warm, the QIDO-RS shapes, WADO-RS study retrieval, C-MOVE; then,
 * if asked, the bulk-filled index point (C-STORE rate and QIDO-RS again). A failure of one measurement is recorded
 * in its cell and the run goes on.
 */
public final class BenchRun {
    private static final String MOVE_DESTINATION = "BENCHDEST";
    private static final int WARMUP = 5;
    private static final double MB = 1_000_000.0;

    private final GeneratedDataSet data;
    private final GeneratedDataSet warmup;
    private final ResultTable table;
    private final Path work;
    private final int queryRepeats;
    private final long indexFill;
    private final int moveDestinationPort;

    /**
     * @param warmup sent untimed before each timed ingest (same path, same batch size), and so part of the index
     *               the reads see; its patients (WARMUP^…) match none of the measured queries but "all studies"
     *               and ModalitiesInStudy
     */
    public BenchRun(GeneratedDataSet data, GeneratedDataSet warmup, ResultTable table, Path work, int queryRepeats, long indexFill,
                    int moveDestinationPort) {
        this.data = data;
        this.warmup = warmup;
        this.table = table;
        this.work = work;
        this.queryRepeats = queryRepeats;
        this.indexFill = indexFill;
        this.moveDestinationPort = moveDestinationPort;
    }

    /** The C-MOVE destination of every run: a DCMTK storescp the harness starts for each C-MOVE. */
    public static DicomAddress moveDestination(int port) {
        return new DicomAddress(MOVE_DESTINATION, port);
    }

    /** Every metric of this run in report order, so each table lists every system. */
    public void declareMetrics() {
        List<Metric> all = new ArrayList<>();
        Stream.of(Metrics.CSTORE_1, Metrics.CSTORE_4).forEach(m -> all.addAll(List.of(m.rate(), m.throughput(), m.cpu(), m.rss())));
        all.addAll(List.of(Metrics.stow(1), Metrics.stow(20)));
        for (QueryShape shape : Metrics.QUERY_SHAPES) {
            all.addAll(List.of(Metrics.qido(shape, 50, false), Metrics.qido(shape, 95, false)));
        }
        all.addAll(List.of(Metrics.METADATA_COLD, Metrics.METADATA_WARM, Metrics.RETRIEVE_STUDY, Metrics.CMOVE));
        if (indexFill > 0) {
            IngestMetrics filled = Metrics.CSTORE_4_FILLED;
            all.addAll(List.of(filled.rate(), filled.throughput(), filled.cpu(), filled.rss()));
            for (QueryShape shape : Metrics.QUERY_SHAPES) {
                all.addAll(List.of(Metrics.qido(shape, 50, true), Metrics.qido(shape, 95, true)));
            }
        }
        all.forEach(table::addMetric);
    }

    /** Measures everything {@code system} offers; it is stopped afterwards whatever happens. */
    public void measure(BenchSystem system) {
        String id = system.info().id();
        try {
            if (!startClean(system)) {
                return;
            }
            if (system.dicomWeb().isPresent()) {
                attempt(system, List.of(Metrics.stow(1)), () -> stow(system, 1));
                if (table.get(Metrics.stow(1), id) instanceof Cell.NotAvailable none) {
                    table.putIfAbsent(Metrics.stow(20), id, none);
                } else if (startClean(system)) {
                    attempt(system, List.of(Metrics.stow(20)), () -> stow(system, 20));
                }
            }
            if (system.storeScp().isPresent()) {
                if (!startClean(system)) {
                    return;
                }
                attempt(system, ingestList(Metrics.CSTORE_1), () -> cstore(system, 1, Metrics.CSTORE_1));
                if (!startClean(system)) {
                    return;
                }
                boolean loaded = attempt(system, ingestList(Metrics.CSTORE_4), () -> cstore(system, 4, Metrics.CSTORE_4));
                if (loaded) {
                    reads(system);
                }
            } else {
                reads(system);
            }
            if (indexFill > 0) {
                filledIndex(system);
            }
        } finally {
            system.stop();
        }
    }

    private boolean startClean(BenchSystem system) {
        String id = system.info().id();
        try {
            log(system, "starting from a clean state");
            system.stop();
            system.startClean();
            return true;
        } catch (SystemMissingException e) {
            log(system, "missing: " + e.getMessage());
            table.setSystemState(id, new Cell.Missing(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            log(system, "did not start: " + e.getMessage());
            table.setSystemState(id, new Cell.Failed("did not start: " + e.getMessage()));
        }
        return false;
    }

    private void reads(BenchSystem system) {
        GeneratedStudy study = data.studies().get(0);
        if (system.dicomWeb().isEmpty() && system.moveScp().isEmpty()
                && system.staticFileUrl(data.folder(), study.files().get(0)).isEmpty()) {
            return;
        }
        try {
            log(system, "restarting (keeping data) for cold reads");
            system.restart();
        } catch (IOException e) {
            table.setSystemState(system.info().id(), new Cell.Failed("did not restart: " + e.getMessage()));
            return;
        }
        if (system.dicomWeb().isPresent()) {
            DicomWebClient web = new DicomWebClient(system.dicomWeb().get());
            attempt(system, List.of(Metrics.METADATA_COLD, Metrics.METADATA_WARM), () -> metadata(system, web, study));
            for (QueryShape shape : Metrics.QUERY_SHAPES) {
                attempt(system, List.of(Metrics.qido(shape, 50, false), Metrics.qido(shape, 95, false)),
                        () -> qido(system, web, shape, false));
            }
            attempt(system, List.of(Metrics.RETRIEVE_STUDY), () -> retrieveStudy(system, study,
                    () -> web.get("/studies/" + study.studyUid(), DicomWebClient.MULTIPART_DICOM)));
        } else if (system.staticFileUrl(data.folder(), study.files().get(0)).isPresent()) {
            DicomWebClient files = new DicomWebClient(new DicomWebEndpoint("", java.util.Optional::empty));
            attempt(system, List.of(Metrics.RETRIEVE_STUDY), () -> retrieveStudy(system, study, () -> {
                long bytes = 0;
                for (Path file : study.files()) {
                    bytes += files.getPlain(system.staticFileUrl(data.folder(), file).orElseThrow());
                }
                return bytes;
            }));
        }
        if (system.moveScp().isPresent()) {
            attempt(system, List.of(Metrics.CMOVE), () -> cmove(system, study));
        }
    }

    private void filledIndex(BenchSystem system) {
        String id = system.info().id();
        List<Metric> filledMetrics = new ArrayList<>(ingestList(Metrics.CSTORE_4_FILLED));
        Metrics.QUERY_SHAPES.forEach(s -> filledMetrics.addAll(List.of(Metrics.qido(s, 50, true), Metrics.qido(s, 95, true))));
        if (system.storeScp().isEmpty() && system.dicomWeb().isEmpty()) {
            return;
        }
        if (!system.hasBulkIndexPath()) {
            filledMetrics.forEach(m -> table.putIfAbsent(m, id, new Cell.NotAvailable("no bulk index path")));
            return;
        }
        if (!startClean(system)) {
            return;
        }
        try {
            system.stop();
            log(system, "bulk-filling the index with " + indexFill + " instances");
            long t0 = System.nanoTime();
            system.bulkFillIndex(indexFill);
            log(system, String.format(Locale.ROOT, "bulk fill took %.0f s", (System.nanoTime() - t0) / 1e9));
            system.restart();
        } catch (IOException e) {
            filledMetrics.forEach(m -> table.putIfAbsent(m, id, new Cell.Failed("bulk fill: " + e.getMessage())));
            return;
        }
        if (system.storeScp().isPresent()) {
            attempt(system, ingestList(Metrics.CSTORE_4_FILLED), () -> cstore(system, 4, Metrics.CSTORE_4_FILLED));
        }
        if (system.dicomWeb().isPresent()) {
            DicomWebClient web = new DicomWebClient(system.dicomWeb().get());
            for (QueryShape shape : Metrics.QUERY_SHAPES) {
                attempt(system, List.of(Metrics.qido(shape, 50, true), Metrics.qido(shape, 95, true)),
                        () -> qido(system, web, shape, true));
            }
        }
    }

    private void cstore(BenchSystem system, int associations, IngestMetrics metrics) throws IOException {
        DicomAddress scp = system.storeScp().orElseThrow();
        String id = system.info().id();
        List<Path> files = data.files();
        Dcmtk.store(scp, warmup.files(), 1, work.resolve("logs").resolve(id).resolve("warmup"));
        ProcessStats.Reading before = ProcessStats.read(system.pid());
        long t0 = System.nanoTime();
        Dcmtk.store(scp, files, associations, work.resolve("logs").resolve(id));
        double seconds = (System.nanoTime() - t0) / 1e9;
        ProcessStats.Reading after = ProcessStats.read(system.pid());
        table.put(metrics.rate(), id, new Cell.Value(files.size() / seconds));
        table.put(metrics.throughput(), id, new Cell.Value(data.bytes() / MB / seconds));
        table.put(metrics.cpu(), id, new Cell.Value((after.cpuSeconds() - before.cpuSeconds()) * 1000 / files.size()));
        table.put(metrics.rss(), id, new Cell.Value(after.peakRssBytes() / MB));
        log(system, String.format(Locale.ROOT, "%s: %.1f instances/s, %.1f MB/s, %.2f CPU-s/1000", metrics.rate().title(),
                files.size() / seconds, data.bytes() / MB / seconds, (after.cpuSeconds() - before.cpuSeconds()) * 1000 / files.size()));
    }

    private void stow(BenchSystem system, int perRequest) throws IOException {
        DicomWebClient web = new DicomWebClient(system.dicomWeb().orElseThrow());
        List<Path> files = data.files();
        for (int i = 0; i < warmup.files().size(); i += perRequest) {
            web.store(warmup.files().subList(i, Math.min(warmup.files().size(), i + perRequest)));
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < files.size(); i += perRequest) {
            web.store(files.subList(i, Math.min(files.size(), i + perRequest)));
        }
        double rate = files.size() / ((System.nanoTime() - t0) / 1e9);
        table.put(Metrics.stow(perRequest), system.info().id(), new Cell.Value(rate));
        log(system, String.format(Locale.ROOT, "STOW-RS %d per request: %.1f instances/s", perRequest, rate));
    }

    private void metadata(BenchSystem system, DicomWebClient web, GeneratedStudy study) throws IOException {
        String path = "/studies/" + study.studyUid() + "/metadata";
        long t0 = System.nanoTime();
        web.get(path, "application/dicom+json");
        table.put(Metrics.METADATA_COLD, system.info().id(), new Cell.Value((System.nanoTime() - t0) / 1e6));
        double[] warm = timeRepeated(() -> web.get(path, "application/dicom+json"), Math.max(5, queryRepeats / 5));
        table.put(Metrics.METADATA_WARM, system.info().id(), new Cell.Value(new Percentiles(warm).median()));
        log(system, String.format(Locale.ROOT, "/metadata cold %.1f ms, warm p50 %.1f ms",
                (double) ((Cell.Value) table.get(Metrics.METADATA_COLD, system.info().id())).value(), new Percentiles(warm).median()));
    }

    private void qido(BenchSystem system, DicomWebClient web, QueryShape shape, boolean filled) throws IOException {
        String query = QueryShapes.query(shape, data);
        double[] times = timeRepeated(() -> web.get("/studies?" + query, "application/dicom+json"), queryRepeats);
        Percentiles p = new Percentiles(times);
        table.put(Metrics.qido(shape, 50, filled), system.info().id(), new Cell.Value(p.percentile(50)));
        table.put(Metrics.qido(shape, 95, filled), system.info().id(), new Cell.Value(p.percentile(95)));
        log(system, String.format(Locale.ROOT, "QIDO-RS %s%s: p50 %.1f ms, p95 %.1f ms", shape.title(),
                filled ? " (filled)" : "", p.percentile(50), p.percentile(95)));
    }

    private void retrieveStudy(BenchSystem system, GeneratedStudy study, Transfer transfer) throws IOException {
        double[] rates = new double[3];
        for (int i = 0; i < rates.length; i++) {
            long t0 = System.nanoTime();
            long bytes = transfer.run();
            if (bytes < study.bytes()) {
                throw new IOException("the study came back with " + bytes + " bytes, fewer than its " + study.bytes());
            }
            rates[i] = bytes / MB / ((System.nanoTime() - t0) / 1e9);
        }
        double median = new Percentiles(rates).median();
        table.put(Metrics.RETRIEVE_STUDY, system.info().id(), new Cell.Value(median));
        log(system, String.format(Locale.ROOT, "study retrieval: %.1f MB/s", median));
    }

    private void cmove(BenchSystem system, GeneratedStudy study) throws IOException {
        Path received = work.resolve("cmove-" + system.info().id());
        Folders.recreate(received);
        Path logs = work.resolve("logs").resolve(system.info().id());
        system.registerMoveDestination(MOVE_DESTINATION, moveDestinationPort);
        Process receiver = Dcmtk.receiver(MOVE_DESTINATION, moveDestinationPort, received, logs.resolve("cmove-storescp.log"));
        try {
            awaitPort(moveDestinationPort);
            long t0 = System.nanoTime();
            Dcmtk.moveStudy(system.moveScp().orElseThrow(), study.studyUid(), MOVE_DESTINATION, logs.resolve("movescu.log"));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long count;
            try (Stream<Path> files = Files.list(received)) {
                count = files.count();
            }
            if (count != study.files().size()) {
                throw new IOException("C-MOVE delivered " + count + " of " + study.files().size() + " instances");
            }
            table.put(Metrics.CMOVE, system.info().id(), new Cell.Value(count / seconds));
            log(system, String.format(Locale.ROOT, "C-MOVE: %.1f instances/s", count / seconds));
        } finally {
            receiver.destroy();
        }
    }

    private static void awaitPort(int port) throws IOException {
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                sleep(100);
            }
        }
        throw new IOException("the C-MOVE destination (storescp on port " + port + ") did not start");
    }

    /** Times {@code WARMUP} untimed then {@code repeats} timed calls, in milliseconds. */
    private static double[] timeRepeated(Transfer call, int repeats) throws IOException {
        for (int i = 0; i < WARMUP; i++) {
            call.run();
        }
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    private static List<Metric> ingestList(IngestMetrics m) {
        return List.of(m.rate(), m.throughput(), m.cpu(), m.rss());
    }

    /** Runs a measurement; its failure goes into the cells of its metrics that have no figure yet. */
    private boolean attempt(BenchSystem system, List<Metric> metrics, Measurement measurement) {
        String id = system.info().id();
        try {
            measurement.run();
            return true;
        } catch (ServiceNotAvailableException e) {
            log(system, "not available: " + e.getMessage());
            metrics.forEach(m -> table.putIfAbsent(m, id, new Cell.NotAvailable(e.getMessage())));
        } catch (IOException | RuntimeException e) {
            log(system, "FAILED: " + metrics.get(0).title() + ": " + e);
            metrics.forEach(m -> table.putIfAbsent(m, id, new Cell.Failed(String.valueOf(e.getMessage()))));
        }
        return false;
    }

    private static void log(BenchSystem system, String message) {
        System.out.println("bench [" + system.info().id() + "] " + message);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Measurement {
        void run() throws IOException;
    }

    private interface Transfer {
        long run() throws IOException;
    }
}
