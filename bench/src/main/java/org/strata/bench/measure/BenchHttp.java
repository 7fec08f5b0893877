package org.strata.bench.measure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The one HTTP client of the benchmark (JDK HttpClient, HTTP/1.1 keep-alive), for every system alike. Each
 * measurement and each control call gets a new instance: a pooled connection to a server that has since been
 * restarted would fail the next POST.
 */
public final class BenchHttp {
    public static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private BenchHttp() {
    }

    /** Status of a GET, or -1 if nothing answers. */
    public static int status(String url) {
        try {
            return newClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Sends a request and returns the body as text; any status but 2xx is an IOException naming it. */
    public static String send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = newClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                        + response.body().strip().replaceAll("\\s+", " ").substring(0, Math.min(200, response.body().strip().length())));
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + request.uri(), e);
        }
    }
}
