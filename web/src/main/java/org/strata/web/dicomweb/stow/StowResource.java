package org.strata.web.dicomweb.stow;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/**
 * {@code POST /dicom-web/studies}: STOW-RS of instances of any study. (RESTEasy merges resource classes only when
 * their class-level paths are equal, so each path shape has its own class.)
 */
@Path("studies")
@RequestScoped
public class StowResource {
    @Inject
    Stow stow;

    @Context
    UriInfo uriInfo;

    @POST
    public Response store(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                          @HeaderParam(HttpHeaders.ACCEPT) String accept, InputStream body) {
        return stow.stow(null, contentType, accept, body, uriInfo.getBaseUri().toString());
    }
}
