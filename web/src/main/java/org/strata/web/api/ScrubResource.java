package org.strata.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.strata.ejb.lifecycle.ScrubService;

/**
 * {@code /strata/api/admin/scrub} (role {@code strata-admin}): the verification of stored objects. GET shows the run
 * in progress, the last runs and the objects found missing or damaged ({@code problems}: SOP Instance UID, storage,
 * path, what is wrong, when found); POST {@code /runs?share=N} checks N percent of the objects now (default all; 202).
 */
@Path("admin/scrub")
@RequestScoped
public class ScrubResource {
    private static final int LISTED = 100;

    @EJB
    private ScrubService scrub;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("running", scrub.running().orElse(null));
        status.put("history", scrub.history(LISTED));
        status.put("problems", scrub.problems(LISTED));
        return status;
    }

    @POST
    @Path("runs")
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(@QueryParam("share") @DefaultValue("100") int sharePercent) {
        if (sharePercent < 1 || sharePercent > 100) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", "share must be a percentage from 1 to 100")).build();
        }
        return Response.accepted(scrub.start("ADMIN", sharePercent)).build();
    }
}
