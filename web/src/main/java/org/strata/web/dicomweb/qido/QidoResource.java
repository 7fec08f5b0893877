package org.strata.web.dicomweb.qido;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** QIDO-RS searches of every series and every instance ({@code /series}, {@code /instances}). */
@Path("")
@RequestScoped
public class QidoResource extends QidoResources {
    @GET
    @Path("series")
    public Response series() {
        return search().search("SERIES", Map.of(), QidoSearch.STUDY, QidoSearch.SERIES);
    }

    @GET
    @Path("instances")
    public Response instances() {
        return search().search("IMAGE", Map.of(), QidoSearch.STUDY, QidoSearch.SERIES,
                QidoSearch.INSTANCE);
    }
}
