package org.strata.web.dicomweb.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a {@code multipart/related} body (RFC 2046 5.1, RFC 2387) one part at a time, straight from the request
 * stream: memory stays at one buffer whatever the size of a part. {@link #nextPart()} skips what is left of the
 * previous part. Anything that breaks the syntax raises {@link MalformedMultipartException} naming the part.
 */
public final class MultipartReader {
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int MAX_HEADER_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 64;

    private enum State { PREAMBLE, BODY, AFTER_DELIMITER, CLOSED }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private State state = State.PREAMBLE;
    private int partNumber;
    private PartBody current;
    /** Body bytes before {@code safeEnd} are content; valid while {@code scanned}. */
    private boolean scanned;
    private int safeEnd;
    private boolean delimiterAtSafeEnd;

    /**
     * @param boundary the {@code boundary} parameter of the body's Content-Type
     */
    public MultipartReader(InputStream in, String boundary) throws MalformedMultipartException {
        checkBoundary(boundary);
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        this.buf = new byte[Math.max(BUFFER_SIZE, 2 * delimiter.length)];
        // A delimiter is CRLF "--" boundary; a leading CRLF lets the first boundary line start the body too.
        buf[0] = '\r';
        buf[1] = '\n';
        limit = 2;
    }

    /** A reader for a body whose Content-Type is {@code contentType}, which must be multipart with a boundary. */
    public static MultipartReader of(InputStream in, MediaTypeParameters contentType) throws MalformedMultipartException {
        if (!contentType.baseType().startsWith("multipart/")) {
            throw new MalformedMultipartException(contentType.baseType() + " is not a multipart media type");
        }
        String boundary = contentType.get("boundary");
        if (boundary == null) {
            throw new MalformedMultipartException("Content-Type has no boundary parameter");
        }
        return new MultipartReader(in, boundary);
    }

    /** The next part, or null after the close delimiter. */
    public MultipartPart nextPart() throws IOException {
        if (state == State.PREAMBLE || state == State.BODY) {
            skipBody();
        }
        if (state == State.CLOSED) {
            return null;
        }
        if (!readBoundaryLineEnd()) {
            state = State.CLOSED;
            return null;
        }
        partNumber++;
        Map<String, String> headers = readHeaders();
        state = State.BODY;
        current = new PartBody();
        return new MultipartPart(headers, current);
    }

    private static void checkBoundary(String boundary) throws MalformedMultipartException {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw new MalformedMultipartException("boundary must have 1 to 70 characters");
        }
        for (int i = 0; i < boundary.length(); i++) {
            char c = boundary.charAt(i);
            boolean bchar = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || "'()+_,-./:=? ".indexOf(c) >= 0;
            if (!bchar) {
                throw new MalformedMultipartException("boundary has a character RFC 2046 does not allow: '" + c + "'");
            }
        }
        if (boundary.endsWith(" ")) {
            throw new MalformedMultipartException("boundary ends with a space");
        }
    }

    private void skipBody() throws IOException {
        byte[] sink = new byte[8192];
        while (readBody(sink, 0, sink.length) >= 0) {
            // discard
        }
    }

    /** Content bytes of the current part (or preamble); -1 once its delimiter is reached (and consumed). */
    private int readBody(byte[] b, int off, int len) throws IOException {
        if (state != State.BODY && state != State.PREAMBLE) {
            return -1;
        }
        while (true) {
            if (!scanned) {
                scan();
            }
            if (pos < safeEnd) {
                int n = Math.min(len, safeEnd - pos);
                System.arraycopy(buf, pos, b, off, n);
                pos += n;
                return n;
            }
            if (delimiterAtSafeEnd) {
                pos += delimiter.length;
                scanned = false;
                state = State.AFTER_DELIMITER;
                return -1;
            }
            if (eof) {
                throw new MalformedMultipartException(state == State.PREAMBLE
                        ? "no boundary delimiter found in the body"
                        : "body ends inside part " + partNumber + " without a closing boundary");
            }
            fill();
        }
    }

    private void scan() {
        int found = indexOfDelimiter();
        if (found >= 0) {
            safeEnd = found;
            delimiterAtSafeEnd = true;
        } else {
            // The last delimiter.length - 1 bytes may be the start of a delimiter split across reads.
            safeEnd = eof ? limit : Math.max(pos, limit - (delimiter.length - 1));
            delimiterAtSafeEnd = false;
        }
        scanned = true;
    }

    private int indexOfDelimiter() {
        byte first = delimiter[0];
        int last = limit - delimiter.length;
        outer:
        for (int i = pos; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buf[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Moves the unread bytes to the front and reads more; sets {@code eof} at the end of the input. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        scanned = false;
        if (limit == buf.length) {
            return;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    /** After a delimiter: true if a part follows ("CRLF", padding allowed), false at the close delimiter ("--"). */
    private boolean readBoundaryLineEnd() throws IOException {
        while (limit - pos < 2 && !eof) {
            fill();
        }
        if (limit - pos >= 2 && buf[pos] == '-' && buf[pos + 1] == '-') {
            pos += 2; // the epilogue after the close delimiter is ignored, as RFC 2046 asks
            return false;
        }
        String rest = readLine("after boundary " + (partNumber + 1));
        if (!rest.isBlank()) {
            throw new MalformedMultipartException("boundary delimiter followed by '" + abbreviate(rest)
                    + "' instead of a line end");
        }
        return true;
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String name = null;
        int count = 0;
        while (true) {
            String line = readLine("in the headers of part " + partNumber);
            if (line.isEmpty()) {
                return headers;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (name == null) {
                    throw new MalformedMultipartException("part " + partNumber + " starts with a folded header line");
                }
                headers.merge(name, " " + line.strip(), String::concat);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedMultipartException("part " + partNumber + " has a header line without a name: '"
                        + abbreviate(line) + "'");
            }
            if (++count > MAX_HEADERS) {
                throw new MalformedMultipartException("part " + partNumber + " has more than " + MAX_HEADERS + " headers");
            }
            name = line.substring(0, colon).strip();
            headers.put(name, line.substring(colon + 1).strip());
        }
    }

    /** One line without its CRLF (a bare LF is taken too); bounded in length. */
    private String readLine(String where) throws IOException {
        int from = pos;
        while (true) {
            int end = Math.min(limit, pos + MAX_HEADER_LINE + 2);
            for (int i = from; i < end; i++) {
                if (buf[i] == '\n') {
                    int lineEnd = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buf, pos, lineEnd - pos, StandardCharsets.UTF_8);
                    pos = i + 1;
                    scanned = false;
                    return line;
                }
            }
            if (end - pos > MAX_HEADER_LINE) {
                throw new MalformedMultipartException("line longer than " + MAX_HEADER_LINE + " bytes " + where);
            }
            if (eof) {
                throw new MalformedMultipartException("body ends " + where);
            }
            from = limit - pos;
            fill();
            from = from + pos;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /** The content of the current part; reads -1 at its delimiter, or once another part was started. */
    private final class PartBody extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (current != this) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            return readBody(b, off, len);
        }

        @Override
        public int available() {
            return current == this && scanned ? Math.max(0, safeEnd - pos) : 0;
        }
    }
}
