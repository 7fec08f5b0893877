package org.strata.dicom.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON layer under the DICOM JSON Model: our writer's output parses back, malformed JSON is refused. */
class JsonSyntaxTest {

    @Test
    void writerOutputParsesBackTokenForToken() throws IOException {
        for (boolean pretty : new boolean[] {false, true}) {
            StringWriter text = new StringWriter();
            JsonOutput out = new JsonOutput(text, pretty);
            out.beginObject();
            out.name("a\"b\\c\u0001");
            out.beginArray();
            out.string("x\ny\t\u00e9\u4e2d");
            out.number("-1.5e3");
            out.nullValue();
            out.beginObject();
            out.endObject();
            out.beginArray();
            out.endArray();
            out.endArray();
            out.name("n");
            out.number("0");
            out.endObject();
            out.flush();
            assertEquals(List.of("BEGIN_OBJECT", "NAME a\"b\\c\u0001", "BEGIN_ARRAY", "STRING x\ny\t\u00e9\u4e2d",
                    "NUMBER -1.5e3", "NULL", "BEGIN_OBJECT", "END_OBJECT", "BEGIN_ARRAY", "END_ARRAY", "END_ARRAY",
                    "NAME n", "NUMBER 0", "END_OBJECT", "END"), tokens(text.toString()), text.toString());
        }
    }

    @Test
    void compactOutputIsExactlyStandardJson() throws IOException {
        StringWriter text = new StringWriter();
        JsonOutput out = new JsonOutput(text, false);
        out.beginObject();
        out.name("k");
        out.beginArray();
        out.string("\u001f");
        out.number("1");
        out.endArray();
        out.endObject();
        out.flush();
        assertEquals("{\"k\":[\"\\u001f\",1]}", text.toString());
    }

    @Test
    void parsesEscapesAndSurrogatePairs() throws IOException {
        assertEquals(List.of("BEGIN_ARRAY", "STRING \uD83D\uDE00/\u00e9", "TRUE", "FALSE", "END_ARRAY", "END"),
                tokens(" [ \"\\ud83d\\ude00\\/\\u00E9\" , true,false ] "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{1:2}", "[01]", "[1.]", "[-]", "[1e]",
        "[\"a]", "[\"\\x\"]", "[tru]", "[1] 2", "{\"a\":1]", "[\"\u0001\"]", "]", "[1 2]"})
    void refusesMalformedJson(String json) {
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> tokens(json));
        assertTrue(e.getMessage().startsWith("JSON line 1 column "), e.getMessage());
    }

    @Test
    void refusesNestingBeyondTheLimit() {
        String deep = "[".repeat(JsonParser.MAX_DEPTH + 1) + "]".repeat(JsonParser.MAX_DEPTH + 1);
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> tokens(deep));
        assertTrue(e.getMessage().contains("nesting deeper than"), e.getMessage());
    }

    private static List<String> tokens(String json) throws IOException {
        JsonParser parser = new JsonParser(new StringReader(json));
        List<String> tokens = new ArrayList<>();
        JsonParser.Token token;
        do {
            token = parser.next();
            tokens.add(switch (token) {
                case NAME, STRING, NUMBER -> token + " " + parser.text();
                default -> token.name();
            });
        } while (token != JsonParser.Token.END);
        return tokens;
    }
}
