package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Protected paths need a bearer token from the real Keycloak's 'strata' realm, with the right role. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OidcProtectionIT {
    private static final String ADMIN_PATH = "/strata/api/admin/settings";

    @Test
    void withoutATokenTheAnswerIs401WithABearerChallenge() throws Exception {
        for (String path : new String[] {ADMIN_PATH, "/dicom-web/studies"}) {
            HttpResponse<String> response = StrataServer.get(path, null);
            assertEquals(401, response.statusCode(), path);
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), path);
        }
    }

    @Test
    void aForgedTokenIs401() throws Exception {
        String token = StrataServer.token("admin", "admin");
        String[] parts = token.split("\\.");
        // Same header and claims, signature of another token: the server must check the signature.
        String other = StrataServer.token("reader", "reader").split("\\.")[2];
        assertEquals(401, StrataServer.get(ADMIN_PATH, parts[0] + "." + parts[1] + "." + other).statusCode());
        assertEquals(401, StrataServer.get(ADMIN_PATH, "not-a-token").statusCode());
    }

    @Test
    void aValidTokenWithoutTheRoleIs403() throws Exception {
        assertEquals(403, StrataServer.get(ADMIN_PATH, StrataServer.token("reader", "reader")).statusCode());
        assertEquals(403, StrataServer.get(ADMIN_PATH, StrataServer.token("nobody", "nobody")).statusCode());
    }

    @Test
    void anAdministratorSeesStrataSettingsWithTheirValuesResolved() throws Exception {
        HttpResponse<String> response = StrataServer.get(ADMIN_PATH, StrataServer.token("admin", "admin"));
        assertEquals(200, response.statusCode(), response.body());
        String hot = StrataServer.json(response.body()).getString("strata.storage.hot.path");
        assertTrue(hot.endsWith("/data/strata/hot") && !hot.contains("${"), hot);
    }
}
