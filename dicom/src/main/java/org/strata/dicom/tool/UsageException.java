package org.strata.dicom.tool;

/** Wrong command-line arguments; the message says what is wrong in one line. */
public class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
