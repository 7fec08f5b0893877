package org.strata.bench.report;

import java.util.List;
import java.util.stream.Collectors;

/** Writes a {@link ResultTable} as Markdown (one table per metric) and as CSV (one line per metric and system). */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** One Markdown table per metric, headed by {@code preamble} (date, machine, command). */
    public static String markdown(ResultTable table, String preamble) {
        StringBuilder md = new StringBuilder(preamble);
        List<SystemInfo> strata = table.strataSystems();
        md.append("\nRatios: above 1× means Strata is better (Strata ÷ peer for rates, peer ÷ Strata for latencies).\n");
        for (Metric metric : table.metrics()) {
            md.append("\n### ").append(metric.title()).append(" (").append(metric.unit()).append(", ")
                    .append(metric.higherIsBetter() ? "higher" : "lower").append(" is better)\n\n");
            md.append("| system | ").append(metric.unit()).append(" |");
            strata.forEach(s -> md.append(' ').append(s.title()).append(" vs system |"));
            md.append("\n|---|---:|");
            strata.forEach(s -> md.append("---:|"));
            md.append('\n');
            for (SystemInfo system : table.systems()) {
                md.append("| ").append(system.title()).append(" | ").append(escape(table.get(metric, system.id()).text())).append(" |");
                for (SystemInfo s : strata) {
                    String ratio = system.strata() ? "" : table.ratio(metric, s.id(), system.id()).map(Figures::ratio).orElse("–");
                    md.append(' ').append(ratio).append(" |");
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    /** metric, title, unit, better, system, value, status, detail, then one ratio column per Strata system. */
    public static String csv(ResultTable table) {
        List<SystemInfo> strata = table.strataSystems();
        StringBuilder csv = new StringBuilder("metric,title,unit,better,system,value,status,detail");
        strata.forEach(s -> csv.append(",ratio_").append(s.id()));
        csv.append('\n');
        for (Metric metric : table.metrics()) {
            for (SystemInfo system : table.systems()) {
                Cell cell = table.get(metric, system.id());
                String value = cell instanceof Cell.Value v ? Figures.format(v.value()) : "";
                String detail = cell instanceof Cell.Value ? "" : cell.text();
                csv.append(List.of(metric.id(), metric.title(), metric.unit(), metric.higherIsBetter() ? "higher" : "lower",
                        system.id(), value, cell.status(), detail).stream().map(ReportWriter::csvField)
                        .collect(Collectors.joining(",")));
                for (SystemInfo s : strata) {
                    csv.append(',').append(system.strata() ? ""
                            : table.ratio(metric, s.id(), system.id()).map(Figures::format).orElse(""));
                }
                csv.append('\n');
            }
        }
        return csv.toString();
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    private static String csvField(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
