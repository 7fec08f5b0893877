package org.strata.web.dicomweb.stow;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/**
 * {@code POST /dicom-web/studies/{study}}: STOW-RS of instances of one study; an instance of another study is
 * refused (A900). Its class-level path equals WADO-RS's, so RESTEasy serves both from one set of methods.
 */
@Path("studies/{study}")
@RequestScoped
public class StudyStowResource {
    @Inject
    Stow stow;

    @Context
    UriInfo uriInfo;

    @POST
    public Response store(@PathParam("study") String study, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                          @HeaderParam(HttpHeaders.ACCEPT) String accept, InputStream body) {
        return stow.stow(study, contentType, accept, body, uriInfo.getBaseUri().toString());
    }
}
