package org.strata.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.strata.bench.Metrics.QueryShape;
import org.strata.bench.report.Cell;
import org.strata.bench.report.Figures;
import org.strata.bench.report.Metric;
import org.strata.bench.report.ResultTable;
import org.strata.bench.report.SystemInfo;

/** The targets, checked against a run's figures for the report (never asserted anywhere). */
final class Targets {
    private Targets() {
    }

    private record Relative(String title, Metric metric, String peerPrefix, double atLeast) {
    }

    private static final List<Relative> RELATIVE = List.of(
            new Relative("C-STORE ingest, 4 associations ≥ 3× Orthanc", Metrics.CSTORE_4.rate(), "orthanc", 3),
            new Relative("C-STORE ingest, 1 association ≥ 3× Orthanc", Metrics.CSTORE_1.rate(), "orthanc", 3),
            new Relative("C-STORE ingest, 4 associations ≥ 0.8× DCMTK storescp", Metrics.CSTORE_4.rate(), "dcmtk", 0.8),
            new Relative("C-STORE ingest, 1 association ≥ 0.8× DCMTK storescp", Metrics.CSTORE_1.rate(), "dcmtk", 0.8),
            new Relative("STOW-RS, 1 per request ≥ 3× Orthanc", Metrics.stow(1), "orthanc", 3),
            new Relative("STOW-RS, 20 per request ≥ 3× Orthanc", Metrics.stow(20), "orthanc", 3),
            new Relative("/metadata warm ≥ 8× faster than Orthanc", Metrics.METADATA_WARM, "orthanc", 8),
            new Relative("study retrieval ≥ 0.8× nginx", Metrics.RETRIEVE_STUDY, "nginx", 0.8));

    /** A Markdown section: one line per target and Strata system, "met", "NOT met" or "not measured". */
    static String summary(ResultTable table) {
        List<String> lines = new ArrayList<>();
        for (Relative target : RELATIVE) {
            for (SystemInfo strata : table.strataSystems()) {
                for (SystemInfo peer : table.systems()) {
                    if (!peer.id().startsWith(target.peerPrefix())) {
                        continue;
                    }
                    lines.add(table.ratio(target.metric(), strata.id(), peer.id())
                            .map(r -> verdict(r >= target.atLeast()) + target.title() + ": " + strata.title() + " vs "
                                    + peer.title() + " " + Figures.ratio(r))
                            .orElse("- not measured: " + target.title() + " (" + strata.title() + " vs " + peer.title() + ")"));
                }
            }
        }
        for (SystemInfo strata : table.strataSystems()) {
            for (QueryShape shape : Metrics.QUERY_SHAPES) {
                Cell p95 = table.get(Metrics.qido(shape, 95, true), strata.id());
                lines.add(p95 instanceof Cell.Value v
                        ? verdict(v.value() <= 20) + "QIDO-RS " + shape.title() + " p95 ≤ 20 ms with the bulk-filled index: "
                                + strata.title() + " " + Figures.format(v.value()) + " ms"
                        : "- not measured: QIDO-RS " + shape.title() + " p95 with the bulk-filled index (" + strata.title() + ")");
            }
            Cell filled = table.get(Metrics.CSTORE_4_FILLED.rate(), strata.id());
            Cell empty = table.get(Metrics.CSTORE_4.rate(), strata.id());
            if (filled instanceof Cell.Value f && empty instanceof Cell.Value e && e.value() > 0) {
                double ratio = f.value() / e.value();
                lines.add(verdict(ratio >= 0.9) + String.format(Locale.ROOT,
                        "C-STORE rate with the bulk-filled index ≥ 0.9× the empty index: %s %s", strata.title(), Figures.ratio(ratio)));
            } else {
                lines.add("- not measured: C-STORE rate with the bulk-filled index vs empty (" + strata.title() + ")");
            }
        }
        if (lines.isEmpty()) {
            lines.add("- no Strata system in this run");
        }
        return "## Targets\n\n" + String.join("\n", lines) + "\n";
    }

    private static String verdict(boolean met) {
        return met ? "- met: " : "- **NOT met**: ";
    }
}
