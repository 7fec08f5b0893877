package org.strata.dicom.json;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as plain Java objects: objects as {@code Map<String, Object>} (member order kept), arrays as
 * {@code List<Object>}, strings, {@link Number} (numbers, with their text kept exactly), booleans and null.
 */
final class JsonTree {

    /** A JSON number, kept as its text so no precision is lost. */
    record Number(String text) {
    }

    private JsonTree() {
    }

    /** Parses one whole document. */
    static Object parse(Reader in) throws IOException {
        JsonParser parser = new JsonParser(in);
        Object value = read(parser, parser.next());
        if (parser.next() != JsonParser.Token.END) {
            throw parser.error("unexpected content after the document");
        }
        return value;
    }

    /** Reads the value that starts with {@code token}. */
    static Object read(JsonParser parser, JsonParser.Token token) throws IOException {
        switch (token) {
            case BEGIN_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonParser.Token t = parser.next(); t != JsonParser.Token.END_OBJECT; t = parser.next()) {
                    String name = parser.text();
                    if (object.containsKey(name)) {
                        throw parser.error("duplicate member \"" + name + "\"");
                    }
                    object.put(name, read(parser, parser.next()));
                }
                return object;
            }
            case BEGIN_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonParser.Token t = parser.next(); t != JsonParser.Token.END_ARRAY; t = parser.next()) {
                    array.add(read(parser, t));
                }
                return array;
            }
            case STRING -> {
                return parser.text();
            }
            case NUMBER -> {
                return new Number(parser.text());
            }
            case TRUE -> {
                return Boolean.TRUE;
            }
            case FALSE -> {
                return Boolean.FALSE;
            }
            case NULL -> {
                return null;
            }
            default -> throw parser.error("expected a value, found " + token);
        }
    }
}
