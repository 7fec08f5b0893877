package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.xml.DicomXmlReader;

/** DICOMweb calls of whole-server tests: GET with a bearer token and an Accept header, and reading the answers. */
final class DicomWeb {
    static final String JSON = "application/dicom+json";
    static final String MULTIPART_XML = "multipart/related; type=\"application/dicom+xml\"";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static String token;

    private DicomWeb() {
    }

    /** A token of the demo user reader (role strata-user), fetched once. */
    static synchronized String token() throws IOException, InterruptedException {
        if (token == null) {
            token = StrataServer.token("reader", "reader");
        }
        return token;
    }

    /** GET {@code /dicom-web + path}, accept null for no Accept header. */
    static HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        return get(StrataServer.uri("/dicom-web" + path), accept);
    }

    /** GET a URI the server gave (a Retrieve URL, a bulk data URI). */
    static HttpResponse<byte[]> get(URI uri, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token()).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A 200 answer's JSON array. */
    static JsonArray jsonArray(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(200, response.statusCode(), body);
        assertEquals(JSON, response.headers().firstValue("Content-Type").orElse(""));
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        }
    }

    /** A 200 multipart/related answer's parts, each a Native DICOM Model document read by the toolkit. */
    static List<Dataset> xmlParts(HttpResponse<byte[]> response) throws IOException {
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("multipart/related;") && type.contains("type=\"application/dicom+xml\""), type);
        Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(type);
        assertTrue(boundary.find(), type);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String delimiter = "--" + boundary.group(1);
        assertTrue(body.startsWith(delimiter) && body.stripTrailing().endsWith(delimiter + "--"), body);
        List<Dataset> parts = new ArrayList<>();
        String[] pieces = body.split(Pattern.quote(delimiter));
        for (int i = 1; i < pieces.length - 1; i++) {
            String part = pieces[i];
            int content = part.indexOf("\r\n\r\n");
            assertTrue(part.contains("Content-Type: application/dicom+xml"), part);
            String xml = part.substring(content + 4, part.length() - 2); // the CRLF before the next delimiter
            // bulk data stays where its URI points: the tests look at the other values
            parts.add(new DicomXmlReader((uri, tag, vr) -> new byte[0])
                    .readDataset(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        }
        return parts;
    }
}
