package org.strata.web.dicomweb.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {
    @Test
    void emptyOrAbsentSettingAllowsNoOrigin() {
        assertFalse(CorsPolicy.parse(null).allows("http://viewer"));
        assertFalse(CorsPolicy.parse("").allows("http://viewer"));
        assertFalse(CorsPolicy.parse(" , ").allows(""));
    }

    @Test
    void onlyListedOriginsAreAllowedExactly() {
        CorsPolicy policy = CorsPolicy.parse(" https://viewer.example.org/ ,http://127.0.0.1:3000");
        assertTrue(policy.allows("https://viewer.example.org"));
        assertTrue(policy.allows("http://127.0.0.1:3000"));
        assertFalse(policy.allows("http://127.0.0.1:3001"));
        assertFalse(policy.allows("https://viewer.example.org.evil"));
        assertFalse(policy.allows(null));
    }

    @Test
    void preflightNamesMethodsAndHeadersForTheOrigin() {
        Map<String, String> h = CorsPolicy.parse("http://a").preflightHeaders("http://a");
        assertEquals("http://a", h.get("Access-Control-Allow-Origin"));
        assertTrue(h.get("Access-Control-Allow-Methods").contains("POST"));
        assertTrue(h.get("Access-Control-Allow-Headers").contains("Authorization"));
        assertEquals("Origin", h.get("Vary"));
        assertFalse(h.containsKey("Access-Control-Allow-Credentials"));
    }
}
