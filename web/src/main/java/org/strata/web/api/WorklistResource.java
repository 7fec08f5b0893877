package org.strata.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.json.BulkDataPolicy;
import org.strata.dicom.json.BulkDataResolver;
import org.strata.dicom.json.DicomJsonReader;
import org.strata.dicom.json.DicomJsonWriter;
import org.strata.ejb.worklist.InvalidWorklistEntryException;
import org.strata.ejb.worklist.WorklistRegistry;

/**
 * {@code /strata/api/admin/worklist} (role {@code strata-admin}): the Modality Worklist. POST a worklist item as
 * DICOM JSON (one object, or an array of one) adds a scheduled procedure step (201 with its Location; 400 with the
 * reason when a required attribute is missing or wrong; 409 when its Requested Procedure ID and SPS ID are taken);
 * GET lists the entries ({@code ?date=YYYYMMDD}, {@code ?station=AE} narrow it); GET {@code /{id}} returns the stored
 * item; DELETE {@code /{id}} cancels the step, which then matches no worklist query (204, or 404).
 */
@Path("admin/worklist")
@RequestScoped
public class WorklistResource {
    private static final String DICOM_JSON = "application/dicom+json";
    private static final Pattern DATE = Pattern.compile("[0-9]{8}");

    @EJB
    private WorklistRegistry registry;

    @Context
    private UriInfo uriInfo;

    @POST
    @Consumes({DICOM_JSON, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        Dataset item;
        try {
            item = read(body);
        } catch (IOException e) {
            return error(Response.Status.BAD_REQUEST, "body is not one DICOM JSON data set: " + e.getMessage());
        }
        try {
            WorklistRegistry.Summary created = registry.create(item);
            return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                    .entity(created).build();
        } catch (InvalidWorklistEntryException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (WorklistRegistry.DuplicateEntryException e) {
            return error(Response.Status.CONFLICT, e.getMessage());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("date") String date, @QueryParam("station") String station) {
        if (date != null && !DATE.matcher(date).matches()) {
            return error(Response.Status.BAD_REQUEST, "date must be YYYYMMDD");
        }
        List<WorklistRegistry.Summary> entries = registry.list(date, station);
        return Response.ok(entries).build();
    }

    @GET
    @Path("{id}")
    @Produces(DICOM_JSON)
    public Response get(@PathParam("id") long id) {
        return registry.item(id)
                .map(item -> Response.ok((StreamingOutput) out -> DicomJsonWriter.write(item, out,
                        BulkDataPolicy.INLINE, false), DICOM_JSON).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build());
    }

    @DELETE
    @Path("{id}")
    public Response cancel(@PathParam("id") long id) {
        return Response.status(registry.cancel(id) ? Response.Status.NO_CONTENT : Response.Status.NOT_FOUND).build();
    }

    /** One data set object, or an array holding exactly one. */
    private static Dataset read(InputStream body) throws IOException {
        PushbackReader in = new PushbackReader(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)));
        int first = in.read();
        while (first >= 0 && Character.isWhitespace(first)) {
            first = in.read();
        }
        if (first >= 0) {
            in.unread(first);
        }
        DicomJsonReader reader = new DicomJsonReader(in, BulkDataResolver.NONE);
        if (first != '[') {
            return reader.readDataset();
        }
        List<Dataset> items = reader.readDatasets();
        if (items.size() != 1) {
            throw new IOException("an array must hold exactly one data set, not " + items.size());
        }
        return items.get(0);
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
