package org.strata.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code GET /strata/api/admin/settings} (role {@code strata-admin}): Strata's effective MicroProfile Config
 * settings, secrets masked. They are changed in the WildFly management model, not here.
 */
@Path("admin/settings")
@RequestScoped
public class SettingsResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> settings() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> settings = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("strata.")) {
                String value = config.getOptionalValue(name, String.class).orElse("");
                settings.put(name, isSecret(name) ? "********" : value);
            }
        }
        return settings;
    }

    private static boolean isSecret(String name) {
        return name.contains("password") || name.contains("secret") || name.contains("credential");
    }
}
