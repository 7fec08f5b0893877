package org.strata.web.dicomweb.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorsFilterTest {
    private final CorsFilter filter = new CorsFilter(CorsPolicy.parse("http://viewer"));
    private final Map<String, String> responseHeaders = new HashMap<>();
    private int status = 200;
    private boolean passedOn;

    @Test
    void aPreflightFromAListedOriginIsAnsweredHereWithoutReachingTheResource() throws Exception {
        run("OPTIONS", Map.of("Origin", "http://viewer", "Access-Control-Request-Method", "POST"));
        assertEquals(204, status);
        assertFalse(passedOn);
        assertEquals("http://viewer", responseHeaders.get("Access-Control-Allow-Origin"));
        assertTrue(responseHeaders.get("Access-Control-Allow-Headers").contains("Authorization"));
    }

    @Test
    void aPreflightFromAnotherOriginIs403WithoutCorsHeaders() throws Exception {
        run("OPTIONS", Map.of("Origin", "http://evil", "Access-Control-Request-Method", "GET"));
        assertEquals(403, status);
        assertFalse(passedOn);
        assertNull(responseHeaders.get("Access-Control-Allow-Origin"));
    }

    @Test
    void actualRequestsPassOnAndOnlyListedOriginsGetTheHeaders() throws Exception {
        run("GET", Map.of("Origin", "http://viewer"));
        assertTrue(passedOn);
        assertEquals("http://viewer", responseHeaders.get("Access-Control-Allow-Origin"));
        assertTrue(responseHeaders.get("Access-Control-Expose-Headers").contains("Content-Range"));

        responseHeaders.clear();
        passedOn = false;
        run("GET", Map.of("Origin", "http://evil"));
        assertTrue(passedOn);
        assertTrue(responseHeaders.isEmpty());

        passedOn = false;
        run("OPTIONS", Map.of()); // not a preflight: no Origin
        assertTrue(passedOn);
    }

    private void run(String method, Map<String, String> headers) throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        PrintWriter body = new PrintWriter(new StringWriter());
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setHeader" -> responseHeaders.put((String) args[0], (String) args[1]);
                        case "setStatus" -> status = (Integer) args[0];
                        case "setContentType" -> { }
                        case "getWriter" -> {
                            return body;
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                });
        filter.doFilter(request, response, (rq, rs) -> passedOn = true);
    }
}
