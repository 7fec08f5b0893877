package org.strata.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.strata.ejb.retrieve.RemoteAeRegistry;

/**
 * {@code /strata/api/admin/remote-aes} (role {@code strata-admin}): the remote AEs the archive may connect to,
 * e.g. as C-MOVE destinations. GET lists them; PUT {@code /{aeTitle}} with {@code {"host","port","tls"}} adds or
 * changes one (201 new, 200 changed, 400 invalid); DELETE {@code /{aeTitle}} removes it (204, or 404).
 */
@Path("admin/remote-aes")
@RequestScoped
public class RemoteAeResource {
    /** The JSON body of a PUT. */
    public static class Address {
        public String host;
        public Integer port;
        public Boolean tls;
    }

    @EJB
    private RemoteAeRegistry registry;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<RemoteAeRegistry.Entry> list() {
        return registry.list();
    }

    @PUT
    @Path("{aeTitle}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("aeTitle") String aeTitle, Address address) {
        if (address == null || address.port == null) {
            return invalid("body must be JSON {\"host\":...,\"port\":...,\"tls\":false}");
        }
        RemoteAeRegistry.Entry entry = new RemoteAeRegistry.Entry(aeTitle, address.host, address.port,
                address.tls != null && address.tls);
        try {
            boolean created = registry.put(entry);
            return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(entry).build();
        } catch (RemoteAeRegistry.InvalidEntryException e) {
            return invalid(e.getMessage());
        }
    }

    @DELETE
    @Path("{aeTitle}")
    public Response delete(@PathParam("aeTitle") String aeTitle) {
        return Response.status(registry.delete(aeTitle) ? Response.Status.NO_CONTENT : Response.Status.NOT_FOUND)
                .build();
    }

    private static Response invalid(String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message)).build();
    }
}
