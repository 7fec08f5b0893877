package org.strata.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.strata.ejb.lifecycle.LifecycleService;
import org.strata.ejb.lifecycle.RunView;

/**
 * {@code /strata/api/admin/lifecycle} (role {@code strata-admin}): the hot-to-cold lifecycle. GET shows the run in
 * progress ({@code running}, null when none) and the last runs ({@code history}: studies, objects and bytes moved,
 * failures); POST {@code /runs} starts a run now (202 with the run; the one in progress if there is one).
 */
@Path("admin/lifecycle")
@RequestScoped
public class LifecycleResource {
    private static final int HISTORY = 20;

    @EJB
    private LifecycleService lifecycle;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("running", lifecycle.running().orElse(null));
        status.put("history", lifecycle.history(HISTORY));
        return status;
    }

    @POST
    @Path("runs")
    @Produces(MediaType.APPLICATION_JSON)
    public Response start() {
        try {
            RunView run = lifecycle.start("ADMIN");
            return Response.accepted(run).build();
        } catch (LifecycleService.NoTargetException e) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", e.getMessage())).build();
        }
    }
}
