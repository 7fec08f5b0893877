package org.strata.ejb.dimse;

/** A request a service refuses: the DIMSE status to answer and the error comment (the message). */
public final class DimseRefusal extends Exception {
    private final int status;

    public DimseRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
