package org.strata.web.dicomweb.qido;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** QIDO-RS search of studies: {@code GET /studies} (STOW-RS posts to the same path). */
@Path("studies")
@RequestScoped
public class StudiesQidoResource extends QidoResources {
    @GET
    public Response studies() {
        return search().search("STUDY", Map.of(), QidoSearch.STUDY);
    }
}
