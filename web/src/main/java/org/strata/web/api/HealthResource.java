package org.strata.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.strata.ejb.health.Health;
import org.strata.ejb.health.HealthService;

/** {@code GET /strata/api/health}: 200 when the archive can work, 503 when it cannot; open to everyone. */
@Path("health")
@RequestScoped
public class HealthResource {
    @EJB
    private HealthService healthService;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        Health health = healthService.check();
        return Response.status(health.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(health)
                .build();
    }
}
