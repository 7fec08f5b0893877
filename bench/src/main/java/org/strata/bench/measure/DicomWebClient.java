package org.strata.bench.measure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.strata.bench.systems.DicomWebEndpoint;

/**
 * The PS3.18 requests the benchmark makes, the same for every system: STOW-RS, QIDO-RS, WADO-RS study and
 * metadata, plus plain GETs of static files. Every response body is read to its end and counted.
 */
public final class DicomWebClient {
    public static final String MULTIPART_DICOM = "multipart/related; type=\"application/dicom\"";
    private static final String BOUNDARY = "strata-bench-7d1f0c";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final DicomWebEndpoint endpoint;
    private final HttpClient client = BenchHttp.newClient();

    /** @param endpoint the system's DICOMweb service; for static files, an endpoint without authorization */
    public DicomWebClient(DicomWebEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** STOW-RS of files in one request to {base}/studies. */
    public void store(List<Path> files) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        for (Path file : files) {
            parts.add(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            parts.add(Files.readAllBytes(file));
            parts.add("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        parts.add(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest.Builder rq = request(endpoint.baseUrl() + "/studies", "application/dicom+json")
                .header("Content-Type", MULTIPART_DICOM + "; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts));
        exchange(client, rq.build());
    }

    /** GET {base}{path} (path starting with '/'), answering the number of body bytes. */
    public long get(String path, String accept) throws IOException {
        return exchange(client, request(endpoint.baseUrl() + path, accept).GET().build());
    }

    /** GET of any URL without authorization (static files), answering the number of body bytes. */
    public long getPlain(URI uri) throws IOException {
        return exchange(client, HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build());
    }

    private HttpRequest.Builder request(String url, String accept) {
        HttpRequest.Builder rq = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", accept);
        endpoint.authorization().get().ifPresent(a -> rq.header("Authorization", a));
        return rq;
    }

    private static long exchange(HttpClient client, HttpRequest request) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            // E.g. a server that closes the connection on a request body over its size limit, without answering.
            throw new IOException(request.method() + " " + request.uri().getPath() + " got no response: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + request.uri(), e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 404 || status == 405 || status == 501) {
                throw new ServiceNotAvailableException(request.method() + " " + request.uri().getPath() + " answered " + status);
            }
            if (status / 100 != 2) {
                String text = new String(body.readNBytes(300), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
                throw new IOException(request.method() + " " + request.uri().getPath() + " answered " + status
                        + (text.isEmpty() ? "" : ": " + text));
            }
            return body.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

}
