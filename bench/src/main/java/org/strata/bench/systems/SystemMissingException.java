package org.strata.bench.systems;

/** The system is not installed on this machine; the report says so and the run goes on with the others. */
public final class SystemMissingException extends Exception {
    private static final long serialVersionUID = 1L;

    public SystemMissingException(String message) {
        super(message);
    }
}
