package org.strata.dicom.tool;

/** Exit codes every command keeps, so scripts can rely on them. */
public final class ExitCode {
    /** Done, nothing wrong found. */
    public static final int OK = 0;
    /** Done, but a problem was found (defects, differences). */
    public static final int PROBLEM = 1;
    /** Wrong arguments or unreadable input: nothing was done. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
