package org.strata.dicom.json;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Our JSON parser, for tests of other packages: objects as maps, arrays as lists, numbers as BigDecimal. */
public final class JsonTestTrees {

    private JsonTestTrees() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String json) throws IOException {
        return (Map<String, Object>) plain(JsonTree.parse(new StringReader(json)));
    }

    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, plain(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonTestTrees::plain).toList();
        }
        if (value instanceof JsonTree.Number number) {
            return new BigDecimal(number.text());
        }
        return value;
    }
}
