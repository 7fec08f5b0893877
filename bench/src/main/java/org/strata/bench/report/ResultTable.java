package org.strata.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure of a run: metrics (rows of tables) by systems. A system without a figure for a metric reads as
 * "not available". Ratios compare each Strata system with each peer so that above 1 always means Strata is better:
 * Strata / peer for throughputs, peer / Strata for latencies.
 */
public final class ResultTable {
    private final List<SystemInfo> systems = new ArrayList<>();
    private final Map<Metric, Map<String, Cell>> cells = new LinkedHashMap<>();
    private final Map<String, Cell> systemStates = new LinkedHashMap<>();

    public void addSystem(SystemInfo system) {
        systems.add(system);
    }

    public List<SystemInfo> systems() {
        return List.copyOf(systems);
    }

    public List<SystemInfo> strataSystems() {
        return systems.stream().filter(SystemInfo::strata).toList();
    }

    /** What every metric of a system without its own figure reads as, e.g. the system is missing. */
    public void setSystemState(String systemId, Cell state) {
        systemStates.put(systemId, state);
    }

    /** Adds a metric (a row) even if no system has a figure for it yet. */
    public void addMetric(Metric metric) {
        cells.computeIfAbsent(metric, m -> new LinkedHashMap<>());
    }

    public List<Metric> metrics() {
        return List.copyOf(cells.keySet());
    }

    public void put(Metric metric, String systemId, Cell cell) {
        cells.computeIfAbsent(metric, m -> new LinkedHashMap<>()).put(systemId, cell);
    }

    /** Records a figure for a metric unless the system already has a cell for it (the first word wins). */
    public void putIfAbsent(Metric metric, String systemId, Cell cell) {
        cells.computeIfAbsent(metric, m -> new LinkedHashMap<>()).putIfAbsent(systemId, cell);
    }

    public Cell get(Metric metric, String systemId) {
        Cell cell = cells.getOrDefault(metric, Map.of()).get(systemId);
        if (cell != null) {
            return cell;
        }
        return systemStates.getOrDefault(systemId, new Cell.NotAvailable("not offered"));
    }

    /** How much better Strata system {@code strataId} is than {@code peerId} on a metric, if both have figures. */
    public Optional<Double> ratio(Metric metric, String strataId, String peerId) {
        if (get(metric, strataId) instanceof Cell.Value s && get(metric, peerId) instanceof Cell.Value p
                && s.value() > 0 && p.value() > 0) {
            return Optional.of(metric.higherIsBetter() ? s.value() / p.value() : p.value() / s.value());
        }
        return Optional.empty();
    }

    /** True if any cell of a Strata system says FAILED or missing: the run then exits non-zero. */
    public boolean strataFailed() {
        for (SystemInfo s : strataSystems()) {
            Cell state = systemStates.get(s.id());
            if (state instanceof Cell.Failed || state instanceof Cell.Missing) {
                return true;
            }
        }
        for (Map<String, Cell> row : cells.values()) {
            for (SystemInfo s : strataSystems()) {
                Cell c = row.get(s.id());
                if (c instanceof Cell.Failed || c instanceof Cell.Missing) {
                    return true;
                }
            }
        }
        return false;
    }
}
