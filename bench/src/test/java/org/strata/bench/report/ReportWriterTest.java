package org.strata.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportWriterTest {
    private static final Metric RATE = new Metric("rate", "Ingest", "instances/s", true);
    private static final Metric LATENCY = new Metric("lat", "Query, p95", "ms", false);
    private final ResultTable table = new ResultTable();

    @BeforeEach
    void systems() {
        table.addSystem(new SystemInfo("strata-h2", "Strata (H2)", true));
        table.addSystem(new SystemInfo("peer", "Peer, the other", false));
        table.addSystem(new SystemInfo("gone", "Gone", false));
        table.addMetric(RATE);
        table.addMetric(LATENCY);
        table.setSystemState("gone", new Cell.Missing("not installed"));
    }

    @Test
    void ratiosAreAboveOneWhenStrataIsBetterWhicheverTheDirection() {
        table.put(RATE, "strata-h2", new Cell.Value(300));
        table.put(RATE, "peer", new Cell.Value(100));
        table.put(LATENCY, "strata-h2", new Cell.Value(5));
        table.put(LATENCY, "peer", new Cell.Value(20));
        assertEquals(Optional.of(3.0), table.ratio(RATE, "strata-h2", "peer"));
        assertEquals(Optional.of(4.0), table.ratio(LATENCY, "strata-h2", "peer"));
        assertEquals(Optional.empty(), table.ratio(RATE, "strata-h2", "gone"));
    }

    @Test
    void markdownHasATablePerMetricWithRatiosAndMissingPeers() {
        table.put(RATE, "strata-h2", new Cell.Value(1234.5));
        table.put(RATE, "peer", new Cell.Value(411.5));
        table.put(LATENCY, "strata-h2", new Cell.Failed("answered 500 | boom"));
        table.put(LATENCY, "peer", new Cell.Value(7.25));
        String md = ReportWriter.markdown(table, "# run\n");
        assertTrue(md.contains("### Ingest (instances/s, higher is better)"), md);
        assertTrue(md.contains("| system | instances/s | Strata (H2) vs system |"), md);
        assertTrue(md.contains("| Strata (H2) | 1235 |  |"), md);
        assertTrue(md.contains("| Peer, the other | 412 | 3.00× |"), md);
        assertTrue(md.contains("| Gone | missing (not installed) | – |"), md);
        assertTrue(md.contains("### Query, p95 (ms, lower is better)"), md);
        assertTrue(md.contains("| Strata (H2) | FAILED (answered 500 \\| boom) |  |"), md);
        assertTrue(md.contains("| Peer, the other | 7.25 | – |"), md);
    }

    @Test
    void csvHasOneQuotedLinePerMetricAndSystem() {
        table.put(RATE, "strata-h2", new Cell.Value(200));
        table.put(RATE, "peer", new Cell.Value(100));
        List<String> lines = ReportWriter.csv(table).lines().toList();
        assertEquals("metric,title,unit,better,system,value,status,detail,ratio_strata-h2", lines.get(0));
        assertEquals(7, lines.size());
        assertEquals("rate,Ingest,instances/s,higher,strata-h2,200,ok,,", lines.get(1));
        assertEquals("rate,Ingest,instances/s,higher,peer,100,ok,,2.00", lines.get(2));
        assertEquals("rate,Ingest,instances/s,higher,gone,,missing,missing (not installed),", lines.get(3));
        assertEquals("lat,\"Query, p95\",ms,lower,peer,,not-available,not available (not offered),", lines.get(5));
    }

    @Test
    void onlyStrataFailuresFailTheRun() {
        table.put(RATE, "peer", new Cell.Failed("crashed"));
        assertFalse(table.strataFailed());
        table.put(LATENCY, "strata-h2", new Cell.NotAvailable("answered 404"));
        assertFalse(table.strataFailed());
        table.put(RATE, "strata-h2", new Cell.Failed("storescu failed"));
        assertTrue(table.strataFailed());
    }

    @Test
    void aMissingStrataFailsTheRun() {
        table.setSystemState("strata-h2", new Cell.Missing("not built"));
        assertTrue(table.strataFailed());
    }

    @Test
    void figuresKeepAboutThreeSignificantDigits() {
        assertEquals("1235", Figures.format(1234.5));
        assertEquals("12.3", Figures.format(12.34));
        assertEquals("0.12", Figures.format(0.1234));
        assertEquals("2.50×", Figures.ratio(2.5));
    }
}
