package org.strata.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Where the server under test and its Keycloak listen (ports Maven reserved), and small HTTP helpers. */
final class StrataServer {
    static final int HTTP_PORT = Integer.getInteger("it.http.port");
    static final int DICOM_PORT = Integer.getInteger("it.dicom.port");
    static final int KEYCLOAK_PORT = Integer.getInteger("it.keycloak.port");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private StrataServer() {
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + HTTP_PORT + path);
    }

    static HttpResponse<String> get(String path, String bearerToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** An access token for a demo user of the 'strata' realm, by the password grant of the strata-cli client. */
    static String token(String user, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=strata-cli&username=" + enc(user) + "&password=" + enc(password);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + KEYCLOAK_PORT + "/realms/strata/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + user + ": " + response.body());
        }
        return json(response.body()).getString("access_token");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
