package org.strata.bench.measure;

import java.io.IOException;

/** The system answered that it has no such service (HTTP 404 or 405): the report says "not available". */
public final class ServiceNotAvailableException extends IOException {
    private static final long serialVersionUID = 1L;

    public ServiceNotAvailableException(String message) {
        super(message);
    }
}
