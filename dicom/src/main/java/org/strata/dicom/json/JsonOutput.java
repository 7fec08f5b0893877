package org.strata.dicom.json;

import java.io.IOException;
import java.io.Writer;
import java.util.BitSet;

/**
 * A minimal streaming JSON writer: it places commas, colons and (optionally) indentation, and escapes
 * strings; the caller keeps names and values in the right order.
 */
final class JsonOutput {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Writer out;
    private final boolean pretty;
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
        out.write(pretty ? ": " : ":");
        afterName = true;
    }

    void string(String value) throws IOException {
        separate();
        quote(value);
    }

    /** A number already in JSON syntax. */
    void number(String json) throws IOException {
        separate();
        out.write(json);
    }

    void nullValue() throws IOException {
        separate();
        out.write("null");
    }

    void flush() throws IOException {
        out.flush();
    }

    private void open(char bracket) throws IOException {
        separate();
        out.write(bracket);
        depth++;
        hasContent.clear(depth);
    }

    private void close(char bracket) throws IOException {
        boolean empty = !hasContent.get(depth);
        depth--;
        if (pretty && !empty) {
            newline();
        }
        out.write(bracket);
    }

    private void separate() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        if (hasContent.get(depth)) {
            out.write(',');
        }
        hasContent.set(depth);
        if (pretty && depth > 0) {
            newline();
        }
    }

    private void newline() throws IOException {
        out.write('\n');
        for (int i = 0; i < depth; i++) {
            out.write("  ");
        }
    }

    private void quote(String s) throws IOException {
        out.write('"');
        int plainFrom = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.write(s, plainFrom, i - plainFrom);
            plainFrom = i + 1;
            switch (c) {
                case '"' -> out.write("\\\"");
                case '\\' -> out.write("\\\\");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\t' -> out.write("\\t");
                case '\b' -> out.write("\\b");
                case '\f' -> out.write("\\f");
                default -> {
                    out.write("\\u00");
                    out.write(HEX[c >> 4]);
                    out.write(HEX[c & 0xF]);
                }
            }
        }
        out.write(s, plainFrom, s.length() - plainFrom);
        out.write('"');
    }
}
