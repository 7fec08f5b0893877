package org.strata.ejb.worklist;

/** A worklist entry refused as it is: the message says which attribute is missing or wrong, in one line. */
public class InvalidWorklistEntryException extends Exception {
    InvalidWorklistEntryException(String message) {
        super(message);
    }
}
