package org.strata.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.strata.bench.report.Cell;
import org.strata.bench.report.ResultTable;
import org.strata.bench.report.SystemInfo;

class TargetsTest {
    @Test
    void eachTargetIsOneLineWithEveryMeasuredPairMarked() {
        ResultTable table = new ResultTable();
        table.addSystem(new SystemInfo("strata-h2", "Strata (H2)", true));
        table.addSystem(new SystemInfo("orthanc-sqlite", "Orthanc (SQLite)", false));
        table.addSystem(new SystemInfo("nginx", "nginx", false));
        table.put(Metrics.CSTORE_4.rate(), "strata-h2", new Cell.Value(400));
        table.put(Metrics.CSTORE_4.rate(), "orthanc-sqlite", new Cell.Value(100));
        table.put(Metrics.METADATA_WARM, "strata-h2", new Cell.Value(10));
        table.put(Metrics.METADATA_WARM, "orthanc-sqlite", new Cell.Value(40));
        table.put(Metrics.CSTORE_4_FILLED.rate(), "strata-h2", new Cell.Value(380));
        table.put(Metrics.qido(Metrics.QUERY_SHAPES.get(0), 95, true), "strata-h2", new Cell.Value(25));
        String summary = Targets.summary(table);
        assertTrue(summary.contains("- C-STORE ingest, 4 associations ≥ 3× Orthanc: Strata (H2) vs Orthanc (SQLite) 4.00× (met)"), summary);
        assertTrue(summary.contains("- /metadata warm ≥ 8× faster than Orthanc: Strata (H2) vs Orthanc (SQLite) 4.00× (**NOT met**)"), summary);
        assertTrue(summary.contains("- study retrieval ≥ 0.8× nginx: not measured"), summary);
        assertTrue(summary.contains("with the bulk-filled index, Strata (H2): PatientID 25.0 ms (**NOT met**)"), summary);
        assertTrue(summary.contains("≥ 0.9× the empty index, Strata (H2): 0.95× (met)"), summary);
    }
}
