package org.strata.dicom.json;

import java.io.IOException;
import java.io.Reader;

/**
 * A minimal pull parser for JSON (RFC 8259): tokens one at a time, with positions in error messages.
 * Nesting is limited so hostile input cannot exhaust the stack of a recursive consumer.
 */
final class JsonParser {

    /** The kinds of token. */
    enum Token { BEGIN_OBJECT, END_OBJECT, BEGIN_ARRAY, END_ARRAY, NAME, STRING, NUMBER, TRUE, FALSE, NULL, END }

    static final int MAX_DEPTH = 256;

    private final Reader in;
    private final StringBuilder text = new StringBuilder();
    /** Per level: true inside an object, false inside an array. */
    private final boolean[] inObject = new boolean[MAX_DEPTH + 1];
    private int depth;
    /** What may come next at the current level. */
    private boolean expectValue = true;
    private boolean expectName;
    private boolean first = true;
    private boolean done;
    private int peeked = -2;
    private long line = 1;
    private long column;

    JsonParser(Reader in) {
        this.in = in;
    }

    /** The text of the last NAME, STRING or NUMBER token. */
    String text() {
        return text.toString();
    }

    int depth() {
        return depth;
    }

    Token next() throws IOException {
        int c = skipSpace();
        if (done) {
            if (c != -1) {
                throw error("unexpected content after the end of the document");
            }
            return Token.END;
        }
        if (c == -1) {
            throw error("unexpected end of input");
        }
        if (depth > 0 && (c == '}' || c == ']')) {
            boolean object = c == '}';
            if (object != inObject[depth] || (!first && (expectValue || expectName))) {
                throw error("unexpected '" + (char) c + "'");
            }
            read();
            depth--;
            afterValue();
            return object ? Token.END_OBJECT : Token.END_ARRAY;
        }
        if (depth > 0 && !first && !expectValue && !expectName) {
            if (c != ',') {
                throw error("expected ',' or '" + (inObject[depth] ? '}' : ']') + "'");
            }
            read();
            c = skipSpace();
            expectName = inObject[depth];
            expectValue = !inObject[depth];
        }
        first = false;
        if (expectName) {
            if (c != '"') {
                throw error("expected a quoted name");
            }
            read();
            readString();
            if (skipSpace() != ':') {
                throw error("expected ':' after a name");
            }
            read();
            expectName = false;
            expectValue = true;
            return Token.NAME;
        }
        return value(c);
    }

    private Token value(int c) throws IOException {
        switch (c) {
            case '{', '[' -> {
                read();
                if (depth == MAX_DEPTH) {
                    throw error("nesting deeper than " + MAX_DEPTH);
                }
                depth++;
                inObject[depth] = c == '{';
                first = true;
                expectName = c == '{';
                expectValue = c == '[';
                return c == '{' ? Token.BEGIN_OBJECT : Token.BEGIN_ARRAY;
            }
            case '"' -> {
                read();
                readString();
                afterValue();
                return Token.STRING;
            }
            case 't' -> {
                literal("true");
                return Token.TRUE;
            }
            case 'f' -> {
                literal("false");
                return Token.FALSE;
            }
            case 'n' -> {
                literal("null");
                return Token.NULL;
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    readNumber();
                    afterValue();
                    return Token.NUMBER;
                }
                throw error("unexpected character '" + (char) c + "'");
            }
        }
    }

    /** Skips the value whose first token was just returned (for members a consumer does not know). */
    void skipValue(Token token) throws IOException {
        if (token != Token.BEGIN_OBJECT && token != Token.BEGIN_ARRAY) {
            return;
        }
        int target = depth - 1;
        while (depth > target) {
            next();
        }
    }

    JsonFormatException error(String message) {
        return new JsonFormatException("JSON line " + line + " column " + column + ": " + message);
    }

    private void afterValue() {
        expectValue = false;
        expectName = false;
        first = false;
        if (depth == 0) {
            done = true;
        }
    }

    private void literal(String word) throws IOException {
        for (int i = 0; i < word.length(); i++) {
            if (read() != word.charAt(i)) {
                throw error("invalid literal, expected " + word);
            }
        }
        afterValue();
    }

    private void readNumber() throws IOException {
        text.setLength(0);
        int c = peek();
        if (c == '-') {
            text.append((char) read());
        }
        if (peek() == '0') {
            text.append((char) read());
            if (isDigit(peek())) {
                throw error("invalid number: leading zero");
            }
        } else if (!digits()) {
            throw error("invalid number");
        }
        if (peek() == '.') {
            text.append((char) read());
            if (!digits()) {
                throw error("invalid number: no digits after '.'");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            text.append((char) read());
            if (peek() == '+' || peek() == '-') {
                text.append((char) read());
            }
            if (!digits()) {
                throw error("invalid number: no exponent digits");
            }
        }
    }

    /** Reads a run of digits; false if there was none. */
    private boolean digits() throws IOException {
        int start = text.length();
        while (isDigit(peek())) {
            text.append((char) read());
        }
        return text.length() > start;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private void readString() throws IOException {
        text.setLength(0);
        while (true) {
            int c = read();
            if (c == -1) {
                throw error("unterminated string");
            }
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c != '\\') {
                text.append((char) c);
                continue;
            }
            int e = read();
            switch (e) {
                case '"', '\\', '/' -> text.append((char) e);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(read(), 16);
                        if (digit < 0) {
                            throw error("invalid \\u escape");
                        }
                        code = code << 4 | digit;
                    }
                    text.append((char) code);
                }
                default -> throw error("invalid escape in string");
            }
        }
    }

    private int skipSpace() throws IOException {
        while (true) {
            int c = peek();
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c;
            }
            read();
        }
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        if (c == '\n') {
            line++;
            column = 0;
        } else {
            column++;
        }
        return c;
    }
}
