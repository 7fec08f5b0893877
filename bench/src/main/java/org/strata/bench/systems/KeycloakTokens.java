package org.strata.bench.systems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.strata.bench.measure.BenchHttp;

/**
 * Bearer tokens for Strata from the run's Keycloak (realm {@code strata}, client {@code strata-cli}, demo user
 * {@code admin}, whose composite roles allow store, read and administration). A token is reused for 60 s, well
 * inside its lifetime, so fetching tokens stays out of the measured requests as far as possible.
 */
public final class KeycloakTokens {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private final String tokenUrl;
    private String token;
    private long fetchedAt;

    public KeycloakTokens(String keycloakUrl) {
        this.tokenUrl = keycloakUrl + "/realms/strata/protocol/openid-connect/token";
    }

    public synchronized String bearer() throws IOException {
        if (token == null || System.nanoTime() - fetchedAt > 60_000_000_000L) {
            String form = "grant_type=password&client_id=strata-cli&username=admin&password=admin";
            String body = BenchHttp.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.US_ASCII)).build());
            Matcher m = ACCESS_TOKEN.matcher(body);
            if (!m.find()) {
                throw new IOException("Keycloak at " + tokenUrl + " answered without an access token");
            }
            token = m.group(1);
            fetchedAt = System.nanoTime();
        }
        return "Bearer " + token;
    }

    /** The header value for a {@link DicomWebEndpoint}; a Keycloak failure surfaces as the request's failure. */
    Optional<String> authorization() {
        try {
            return Optional.of(bearer());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
