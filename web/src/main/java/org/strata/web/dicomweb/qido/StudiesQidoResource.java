package org.strata.web.dicomweb.qido;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.strata.ejb.query.QueryService;

/** QIDO-RS search of studies: {@code GET /studies} (STOW-RS posts to the same path). */
@Path("studies")
@RequestScoped
public class StudiesQidoResource {
    @EJB
    QueryService queries;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    public Response studies() {
        return search().search("STUDY", Map.of(), QidoSearch.STUDY);
    }

    private QidoSearch search() {
        return new QidoSearch(queries, uri, headers);
    }
}
