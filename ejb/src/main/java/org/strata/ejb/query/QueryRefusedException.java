package org.strata.ejb.query;

/** A C-FIND identifier the archive cannot answer, with the DIMSE status and comment to refuse it with. */
public class QueryRefusedException extends Exception {
    private final int status;

    QueryRefusedException(int status, String comment) {
        super(comment);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
