package org.strata.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** Strata's own REST API (health, administration) under {@code /strata/api}. */
@ApplicationPath("/strata/api")
public class StrataApiApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        // Listed, not scanned, so DICOMweb resources never appear under this path too.
        return Set.of(HealthResource.class, SettingsResource.class, RemoteAeResource.class, WorklistResource.class,
                LifecycleResource.class, ScrubResource.class, VersionsResource.class);
    }
}
