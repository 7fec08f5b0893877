package org.strata.dicom.io;

import java.io.IOException;

/**
 * Input that cannot be parsed: carries the byte offset (in the decoded stream) and the element where the
 * problem was found. Checked, and an {@link IOException} so stream code handles it with other I/O failures.
 */
public class DicomParseException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Tag value meaning "no element known". */
    public static final int NO_TAG = -1;

    private final long offset;
    private final int tag;

    /** A failure at {@code offset} in element {@code tag} ({@link #NO_TAG} if none). */
    public DicomParseException(String problem, long offset, int tag, Throwable cause) {
        super(describe(problem, offset, tag), cause);
        this.offset = offset;
        this.tag = tag;
    }

    /** A failure at {@code offset} in element {@code tag} ({@link #NO_TAG} if none). */
    public DicomParseException(String problem, long offset, int tag) {
        this(problem, offset, tag, null);
    }

    private static String describe(String problem, long offset, int tag) {
        return tag == NO_TAG ? "at byte " + offset + ": " + problem
                : String.format("at byte %d, element (%04X,%04X): %s", offset, tag >>> 16, tag & 0xFFFF, problem);
    }

    /** Byte offset where the problem was found. */
    public long offset() {
        return offset;
    }

    /** Tag of the element being read, or {@link #NO_TAG}. */
    public int tag() {
        return tag;
    }
}
