package org.strata.bench.report;

/** One system's figure for one metric, or why there is none. */
public sealed interface Cell {
    /** A measured figure. */
    record Value(double value) implements Cell {
    }

    /** The system does not offer the service (no such feature, or it answered 404/405). */
    record NotAvailable(String reason) implements Cell {
    }

    /** The system is not installed or did not start. */
    record Missing(String reason) implements Cell {
    }

    /** The measurement was attempted and went wrong. */
    record Failed(String reason) implements Cell {
    }

    /** How the cell reads in a table. */
    default String text() {
        if (this instanceof Value v) {
            return Figures.format(v.value());
        } else if (this instanceof NotAvailable n) {
            return "not available (" + n.reason() + ")";
        } else if (this instanceof Missing m) {
            return "missing (" + m.reason() + ")";
        }
        return "FAILED (" + ((Failed) this).reason() + ")";
    }

    /** One word for the CSV's status column. */
    default String status() {
        if (this instanceof Value) {
            return "ok";
        } else if (this instanceof NotAvailable) {
            return "not-available";
        } else if (this instanceof Missing) {
            return "missing";
        }
        return "failed";
    }
}
