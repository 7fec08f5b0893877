package org.strata.web.dicomweb.cors;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may call DICOMweb (setting {@code strata.web.cors.allowed-origins}: comma-separated origins
 * such as {@code https://viewer.example.org}, empty = none) and the CORS headers they get (Fetch standard).
 * Credentials are not allowed: viewers send bearer tokens in Authorization, not cookies.
 */
public record CorsPolicy(Set<String> allowedOrigins) {
    static final String METHODS = "GET, HEAD, POST, OPTIONS";
    static final String REQUEST_HEADERS = "Authorization, Accept, Content-Type, Range";
    static final String EXPOSED_HEADERS = "Content-Type, Content-Length, Content-Range, Content-Location,"
            + " Accept-Ranges, WWW-Authenticate";
    static final String MAX_AGE_SECONDS = "600";

    public static CorsPolicy parse(String setting) {
        if (setting == null) {
            return new CorsPolicy(Set.of());
        }
        return new CorsPolicy(Arrays.stream(setting.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(CorsPolicy::withoutTrailingSlash).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean allows(String origin) {
        return origin != null && allowedOrigins.contains(origin);
    }

    /** The answer to a preflight from an allowed origin. */
    public Map<String, String> preflightHeaders(String origin) {
        Map<String, String> headers = responseHeaders(origin);
        headers.put("Access-Control-Allow-Methods", METHODS);
        headers.put("Access-Control-Allow-Headers", REQUEST_HEADERS);
        headers.put("Access-Control-Max-Age", MAX_AGE_SECONDS);
        return headers;
    }

    /** The headers added to an actual response to an allowed origin. */
    public Map<String, String> responseHeaders(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", origin);
        headers.put("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        headers.put("Vary", "Origin");
        return headers;
    }

    /** Browsers send an origin without a trailing slash; administrators often write one. */
    private static String withoutTrailingSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }
}
