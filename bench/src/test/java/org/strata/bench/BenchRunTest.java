package org.strata.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.bench.data.DataSetShape;
import org.strata.bench.data.GeneratedDataSet;
import org.strata.bench.data.GeneratedStudy;
import org.strata.bench.report.Cell;
import org.strata.bench.report.Metric;
import org.strata.bench.report.ResultTable;
import org.strata.bench.report.SystemInfo;
import org.strata.bench.systems.BenchSystem;
import org.strata.bench.systems.DicomAddress;
import org.strata.bench.systems.SystemMissingException;

/** Missing and failing systems: reported in every table, the run goes on, only Strata's failure counts. */
class BenchRunTest {
    @TempDir
    Path work;

    private final GeneratedDataSet data = new GeneratedDataSet(Path.of("/nonexistent"), new DataSetShape(1, 1, 1),
            List.of(new GeneratedStudy("2.25.1", "P", "P^Q", LocalDate.of(2020, 1, 1), List.of(Path.of("/nonexistent/a.dcm")), 1)));

    /** A system that cannot start, for a reason given. */
    private record Unstartable(SystemInfo info, Exception reason) implements BenchSystem {
        @Override
        public void startClean() throws IOException, SystemMissingException {
            if (reason instanceof SystemMissingException m) {
                throw m;
            }
            throw (IOException) reason;
        }

        @Override
        public void restart() {
            throw new AssertionError("never started");
        }

        @Override
        public void stop() {
        }

        @Override
        public long pid() {
            throw new AssertionError("never started");
        }

        @Override
        public java.util.Optional<DicomAddress> storeScp() {
            return java.util.Optional.of(new DicomAddress("X", 1));
        }
    }

    private ResultTable run(BenchSystem... systems) {
        ResultTable table = new ResultTable();
        for (BenchSystem s : systems) {
            table.addSystem(s.info());
        }
        BenchRun run = new BenchRun(data, data, table, work, 5, 0, 1);
        run.declareMetrics();
        for (BenchSystem s : systems) {
            run.measure(s);
        }
        return table;
    }

    @Test
    void aMissingPeerIsReportedAsSuchEverywhereAndDoesNotFailTheRun() {
        ResultTable table = run(new Unstartable(new SystemInfo("orthanc-sqlite", "Orthanc", false),
                new SystemMissingException("Orthanc not found")));
        for (Metric m : table.metrics()) {
            Cell cell = table.get(m, "orthanc-sqlite");
            assertInstanceOf(Cell.Missing.class, cell, m.id());
            assertEquals("missing (Orthanc not found)", cell.text());
        }
        assertFalse(table.strataFailed());
    }

    @Test
    void aPeerThatFailsToStartIsReportedAndTheOthersAreStillMeasured() {
        ResultTable table = run(
                new Unstartable(new SystemInfo("orthanc-pg", "Orthanc (PostgreSQL)", false), new IOException("port in use")),
                new Unstartable(new SystemInfo("nginx", "nginx", false), new SystemMissingException("nginx not found")));
        assertEquals("FAILED (did not start: port in use)", table.get(Metrics.CSTORE_1.rate(), "orthanc-pg").text());
        assertEquals("missing (nginx not found)", table.get(Metrics.CSTORE_1.rate(), "nginx").text());
        assertFalse(table.strataFailed());
    }

    @Test
    void strataThatFailsToStartFailsTheRun() {
        ResultTable table = run(new Unstartable(new SystemInfo("strata-h2", "Strata (H2)", true), new IOException("WFLYSRV0026")));
        assertTrue(table.strataFailed());
        assertTrue(table.get(Metrics.RETRIEVE_STUDY, "strata-h2").text().contains("WFLYSRV0026"));
    }

    @Test
    void everyMetricIsDeclaredOnceAndTheFilledPointOnlyWhenAsked() {
        ResultTable table = run();
        assertEquals(table.metrics().size(), table.metrics().stream().map(Metric::id).distinct().count());
        assertFalse(table.metrics().contains(Metrics.CSTORE_4_FILLED.rate()));
        ResultTable withFill = new ResultTable();
        new BenchRun(data, data, withFill, work, 5, 1_000_000, 1).declareMetrics();
        assertTrue(withFill.metrics().contains(Metrics.CSTORE_4_FILLED.rate()));
        assertTrue(withFill.metrics().contains(Metrics.qido(Metrics.QUERY_SHAPES.get(0), 95, true)));
    }
}
