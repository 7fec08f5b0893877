package org.strata.web.dicomweb.bulk;

/**
 * One range of an HTTP {@code Range: bytes=...} header (RFC 9110 14.1.2) resolved against a value's length.
 *
 * @param first first byte, inclusive
 * @param last  last byte, inclusive
 */
public record ByteRange(long first, long last) {

    /** Thrown for a range that starts past the end of the value: a 416. */
    public static final class UnsatisfiableException extends Exception {
        public UnsatisfiableException(String message) {
            super(message);
        }
    }

    public long length() {
        return last - first + 1;
    }

    /**
     * The single range a header asks for, or null to send the whole value: no header, a header this parser does
     * not take (several ranges, another unit, bad syntax), which RFC 9110 lets a server ignore.
     */
    public static ByteRange parse(String header, long length) throws UnsatisfiableException {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return null;
        }
        String spec = header.substring("bytes=".length()).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        try {
            if (from.isEmpty()) {
                long suffix = Long.parseLong(to);
                if (suffix <= 0 || length == 0) {
                    throw new UnsatisfiableException("suffix range of " + suffix + " bytes of a " + length + "-byte value");
                }
                return new ByteRange(Math.max(0, length - suffix), length - 1);
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? length - 1 : Long.parseLong(to);
            if (first >= length) {
                throw new UnsatisfiableException("range starts at byte " + first + " of a " + length + "-byte value");
            }
            if (last < first) {
                return null;
            }
            return new ByteRange(first, Math.min(last, length - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
