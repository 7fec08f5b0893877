package org.strata.bench;

import java.util.ArrayList;
import java.util.List;

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

    /** A Markdown section: one line per target, each Strata-peer pair marked met or NOT met, or "not measured". */
    static String summary(ResultTable table) {
        List<String> lines = new ArrayList<>();
        for (Relative target : RELATIVE) {
            List<String> pairs = new ArrayList<>();
            for (SystemInfo strata : table.strataSystems()) {
                for (SystemInfo peer : table.systems()) {
                    if (peer.id().startsWith(target.peerPrefix())) {
                        table.ratio(target.metric(), strata.id(), peer.id()).ifPresent(r -> pairs.add(strata.title() + " vs "
                                + peer.title() + " " + Figures.ratio(r) + verdict(r >= target.atLeast())));
                    }
                }
            }
            lines.add(line(target.title(), pairs));
        }
        for (SystemInfo strata : table.strataSystems()) {
            List<String> shapes = new ArrayList<>();
            for (QueryShape shape : Metrics.QUERY_SHAPES) {
                if (table.get(Metrics.qido(shape, 95, true), strata.id()) instanceof Cell.Value v) {
                    shapes.add(shape.title() + " " + Figures.format(v.value()) + " ms" + verdict(v.value() <= 20));
                }
            }
            lines.add(line("QIDO-RS p95 ≤ 20 ms with the bulk-filled index, " + strata.title(), shapes));
            List<String> filled = new ArrayList<>();
            if (table.get(Metrics.CSTORE_4_FILLED.rate(), strata.id()) instanceof Cell.Value f
                    && table.get(Metrics.CSTORE_4.rate(), strata.id()) instanceof Cell.Value e && e.value() > 0) {
                filled.add(Figures.ratio(f.value() / e.value()) + verdict(f.value() / e.value() >= 0.9));
            }
            lines.add(line("C-STORE rate with the bulk-filled index ≥ 0.9× the empty index, " + strata.title(), filled));
        }
        if (table.strataSystems().isEmpty()) {
            lines.add("- no Strata system in this run");
        }
        return "## Targets\n\n" + String.join("\n", lines) + "\n";
    }

    private static String line(String target, List<String> results) {
        return "- " + target + ": " + (results.isEmpty() ? "not measured" : String.join("; ", results));
    }

    private static String verdict(boolean met) {
        return met ? " (met)" : " (**NOT met**)";
    }
}
