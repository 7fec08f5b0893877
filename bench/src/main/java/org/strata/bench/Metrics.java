package org.strata.bench;

import java.util.List;

import org.strata.bench.report.Metric;

/** Every metric the harness measures, in report order. */
public final class Metrics {
    private Metrics() {
    }

    /** The five QIDO-RS query shapes: a name for the report and the query string of {base}/studies. */
    public record QueryShape(String id, String title) {
    }

    public static final List<QueryShape> QUERY_SHAPES = List.of(
            new QueryShape("patient-id", "PatientID"),
            new QueryShape("patient-name", "PatientName wildcard"),
            new QueryShape("study-date", "StudyDate range"),
            new QueryShape("modalities", "ModalitiesInStudy"),
            new QueryShape("all-limit", "all studies, limit 100"));

    /** The C-STORE metrics of one association count (1 or 4). */
    public record IngestMetrics(Metric rate, Metric throughput, Metric cpu, Metric rss) {
    }

    public static IngestMetrics cstore(int associations, String suffix, String titleSuffix) {
        String id = "cstore-" + associations + suffix;
        String title = "C-STORE ingest (storescu), " + associations + " association" + (associations > 1 ? "s" : "") + titleSuffix;
        return new IngestMetrics(new Metric(id, title, "instances/s", true),
                new Metric(id + "-mbs", title + ", MB/s", "MB/s", true),
                new Metric(id + "-cpu", title + ", server CPU", "CPU-s per 1000 instances", false),
                new Metric(id + "-rss", title + ", server peak RSS", "MB", false));
    }

    public static final IngestMetrics CSTORE_1 = cstore(1, "", "");
    public static final IngestMetrics CSTORE_4 = cstore(4, "", "");
    public static final IngestMetrics CSTORE_4_FILLED = cstore(4, "-filled", " into the bulk-filled index");

    public static Metric stow(int perRequest) {
        return new Metric("stow-" + perRequest, "STOW-RS ingest, " + perRequest + " instance" + (perRequest > 1 ? "s" : "")
                + " per request", "instances/s", true);
    }

    public static Metric qido(QueryShape shape, int percentile, boolean filled) {
        return new Metric("qido-" + shape.id() + "-p" + percentile + (filled ? "-filled" : ""),
                "QIDO-RS " + shape.title() + ", p" + percentile + (filled ? ", bulk-filled index" : ""), "ms", false);
    }

    public static final Metric METADATA_COLD = new Metric("metadata-cold", "WADO-RS study /metadata, cold (first after restart)", "ms", false);
    public static final Metric METADATA_WARM = new Metric("metadata-warm", "WADO-RS study /metadata, warm (p50)", "ms", false);
    public static final Metric RETRIEVE_STUDY = new Metric("retrieve-study", "WADO-RS retrieval of a whole study (nginx: its files)", "MB/s", true);
    public static final Metric CMOVE = new Metric("cmove-study", "C-MOVE of a study to DCMTK storescp", "instances/s", true);
}
