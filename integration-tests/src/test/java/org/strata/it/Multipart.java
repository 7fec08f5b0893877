package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** multipart/related bodies for whole-server tests, built and split here, independently of the server's code. */
final class Multipart {

    private Multipart() {
    }

    /** One body part: headers and content. */
    record Part(Map<String, String> headers, byte[] content) {
        static Part of(String type, String location, byte[] content) {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.put("Content-Type", type);
            if (location != null) {
                headers.put("Content-Location", location);
            }
            return new Part(headers, content);
        }
    }

    static byte[] multipart(String boundary, List<Part> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            out.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (Map.Entry<String, String> h : part.headers().entrySet()) {
                out.write((h.getKey() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(part.content());
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Splits a multipart/related response at its boundary (RFC 2046), naively but independently of the server. */
    static List<Part> parts(HttpResponse<byte[]> response) {
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        assertTrue(contentType.startsWith("multipart/related"), contentType);
        String boundary = contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
        byte[] body = response.body();
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[body.length + 2];
        data[0] = '\r';
        data[1] = '\n';
        System.arraycopy(body, 0, data, 2, body.length);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(data, delimiter, 0);
        assertTrue(at >= 0, "no boundary in the body");
        while (true) {
            int lineEnd = indexOf(data, "\r\n".getBytes(StandardCharsets.US_ASCII), at + delimiter.length);
            if (data[at + delimiter.length] == '-' && data[at + delimiter.length + 1] == '-') {
                return parts;
            }
            int headersEnd = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), lineEnd);
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line : new String(data, lineEnd + 2, headersEnd - lineEnd - 2, StandardCharsets.US_ASCII)
                    .split("\r\n")) {
                if (!line.isEmpty()) {
                    headers.put(line.substring(0, line.indexOf(':')).strip(), line.substring(line.indexOf(':') + 1).strip());
                }
            }
            int next = indexOf(data, delimiter, headersEnd + 4);
            assertTrue(next >= 0, "a part without a closing boundary");
            parts.add(new Part(headers, Arrays.copyOfRange(data, headersEnd + 4, next)));
            at = next;
        }
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
