package org.strata.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.strata.ejb.store.StoredVersions;

/**
 * {@code /strata/api/admin/versions/{sopInstanceUid}} (role {@code strata-admin}): the stored versions of an instance
 * kept by {@code strata.store.duplicates=KEEP_VERSIONS}. GET lists them (current first, then superseded newest first;
 * 404 for an instance not stored); GET {@code /{version}} returns one as its Part 10 file ({@code application/dicom},
 * byte for byte as received; {@code version} is {@code current} or a key from the list), 503 if it is missing or
 * damaged: it is never served as good.
 */
@Path("admin/versions/{sopInstanceUid}")
@RequestScoped
public class VersionsResource {
    @EJB
    private StoredVersions versions;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@PathParam("sopInstanceUid") String sopInstanceUid) {
        List<StoredVersions.Version> found = versions.of(sopInstanceUid);
        if (found.isEmpty()) {
            return error(Response.Status.NOT_FOUND, "no instance " + sopInstanceUid + " is stored");
        }
        return Response.ok(found).build();
    }

    @GET
    @Path("{version}")
    @Produces({"application/dicom", MediaType.APPLICATION_JSON})
    public Response file(@PathParam("sopInstanceUid") String sopInstanceUid, @PathParam("version") String version) {
        Optional<java.nio.file.Path> file;
        try {
            file = versions.file(sopInstanceUid, version);
        } catch (IOException e) {
            return error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        }
        return file.map(f -> Response.ok(f.toFile(), "application/dicom").build())
                .orElseGet(() -> error(Response.Status.NOT_FOUND,
                        "instance " + sopInstanceUid + " has no stored version " + version));
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
