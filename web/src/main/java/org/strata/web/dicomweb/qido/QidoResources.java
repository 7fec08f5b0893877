package org.strata.web.dicomweb.qido;

import jakarta.ejb.EJB;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.strata.ejb.query.QueryService;

/**
 * What every QIDO-RS resource class needs. The searches are spread over three classes by their root path, beside
 * the other DICOMweb resources of that path, because JAX-RS picks root resource classes by the literal part of
 * their path: {@link StudiesQidoResource} ({@code /studies}), {@link StudyQidoResource} ({@code /studies/{study}/...})
 * and {@link QidoResource} ({@code /series}, {@code /instances}).
 */
abstract class QidoResources {
    @EJB
    QueryService queries;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    QidoSearch search() {
        return new QidoSearch(queries, uri, headers);
    }
}
