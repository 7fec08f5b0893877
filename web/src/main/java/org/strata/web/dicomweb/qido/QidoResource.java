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

/**
 * QIDO-RS searches of every series and every instance ({@code /series}, {@code /instances}); the searches within a
 * study are {@link StudyQidoResource}'s, of studies {@link StudiesQidoResource}'s. JAX-RS picks the resource classes
 * by the literal part of their paths, so each search lives beside the other DICOMweb resources of its path.
 */
@Path("")
@RequestScoped
public class QidoResource {
    @EJB
    QueryService queries;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

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

    private QidoSearch search() {
        return new QidoSearch(queries, uri, headers);
    }
}
