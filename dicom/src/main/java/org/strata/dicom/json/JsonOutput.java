package org.strata.dicom.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.BitSet;

/**
 * A minimal streaming JSON writer: it places commas, colons and (optionally) indentation, and escapes
 * strings; the caller keeps names and values in the right order. Output is gathered in its own buffer and
 * handed to the Writer in large pieces, which keeps small writes cheap.
 */
final class JsonOutput {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Writer out;
    private final boolean pretty;
    private final char[] buffer = new char[8192];
    private int used;
    /** Per nesting level: whether something was already written at that level (so a comma is due). */
    private final BitSet hasContent = new BitSet();
    private int depth;
    private boolean afterName;

    JsonOutput(Writer out, boolean pretty) {
        this.out = out;
        this.pretty = pretty;
    }

    void beginObject() throws IOException {
        open('{');
    }

    void endObject() throws IOException {
        close('}');
    }

    void beginArray() throws IOException {
        open('[');
    }

    void endArray() throws IOException {
        close(']');
    }

    void name(String name) throws IOException {
        separate();
        quote(name);
        append(':');
        if (pretty) {
            append(' ');
        }
        afterName = true;
    }

    void string(String value) throws IOException {
        separate();
        quote(value);
    }

    /** A number already in JSON syntax. */
    void number(String json) throws IOException {
        separate();
        append(json);
    }

    /** A string holding the Base64 encoding of a stream of {@code length} bytes, written as it is read. */
    void base64(InputStream in, long length) throws IOException {
        separate();
        append('"');
        flushBuffer();
        ModelValues.writeBase64(in, length, out);
        append('"');
    }

    void nullValue() throws IOException {
        separate();
        append("null");
    }

    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    private void open(char bracket) throws IOException {
        separate();
        append(bracket);
        depth++;
        hasContent.clear(depth);
    }

    private void close(char bracket) throws IOException {
        boolean empty = !hasContent.get(depth);
        depth--;
        if (pretty && !empty) {
            newline();
        }
        append(bracket);
    }

    private void separate() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        if (hasContent.get(depth)) {
            append(',');
        }
        hasContent.set(depth);
        if (pretty && depth > 0) {
            newline();
        }
    }

    private void newline() throws IOException {
        append('\n');
        for (int i = 0; i < depth; i++) {
            append("  ");
        }
    }

    private void quote(String s) throws IOException {
        append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                append(c);
                continue;
            }
            switch (c) {
                case '"' -> append("\\\"");
                case '\\' -> append("\\\\");
                case '\n' -> append("\\n");
                case '\r' -> append("\\r");
                case '\t' -> append("\\t");
                case '\b' -> append("\\b");
                case '\f' -> append("\\f");
                default -> {
                    append("\\u00");
                    append(HEX[c >> 4]);
                    append(HEX[c & 0xF]);
                }
            }
        }
        append('"');
    }

    private void append(char c) throws IOException {
        if (used == buffer.length) {
            flushBuffer();
        }
        buffer[used++] = c;
    }

    private void append(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            append(s.charAt(i));
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }
}
