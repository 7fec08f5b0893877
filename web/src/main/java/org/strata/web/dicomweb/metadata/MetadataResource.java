package org.strata.web.dicomweb.metadata;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.json.BulkDataPolicy;
import org.strata.ejb.metadata.MetadataService;
import org.strata.ejb.metadata.StoredHeader;
import org.strata.web.dicomweb.DatasetsOutput;
import org.strata.web.dicomweb.DicomWebException;

/**
 * WADO-RS metadata (PS3.18 10.4): the headers of a study's, a series' or an instance's instances, from the stored
 * header copies ({@link MetadataService}). Binary values longer than {@link StoredHeader#LARGEST_KEPT_VALUE} bytes
 * come as a BulkDataURI {@code {base}/studies/{s}/series/{se}/instances/{i}/bulk/{path}}, {path} the element's tag
 * (8 hex digits), for a nested one the enclosing sequence tags and item indexes (from 0) before it, joined by '.'.
 */
@Path("studies/{study}") // beside WADO-RS retrieve: JAX-RS picks resource classes by the literal part of their path
@RequestScoped
public class MetadataResource {
    @EJB
    MetadataService metadata;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Path("metadata")
    public Response study(@PathParam("study") String study) {
        DatasetsOutput format = DatasetsOutput.of(headers);
        return answer(format, metadata.study(study), "study " + study);
    }

    @GET
    @Path("series/{series}/metadata")
    public Response series(@PathParam("study") String study, @PathParam("series") String series) {
        DatasetsOutput format = DatasetsOutput.of(headers);
        return answer(format, metadata.series(study, series), "series " + series + " in study " + study);
    }

    @GET
    @Path("series/{series}/instances/{instance}/metadata")
    public Response instance(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("instance") String instance) {
        DatasetsOutput format = DatasetsOutput.of(headers);
        Dataset header = metadata.instance(study, series, instance);
        return answer(format, header == null ? null : List.of(header),
                "instance " + instance + " in series " + series + " of study " + study);
    }

    private Response answer(DatasetsOutput format, List<Dataset> found, String what) {
        if (found == null || found.isEmpty()) {
            throw DicomWebException.notFound("no " + what + " is stored");
        }
        String base = uri.getBaseUri().toString().replaceAll("/+$", "");
        return format.ok(found, header -> bulkData(base, header)).build();
    }

    private static BulkDataPolicy bulkData(String base, Dataset header) {
        String instance = base + "/studies/" + header.getString(Tags.StudyInstanceUID) + "/series/"
                + header.getString(Tags.SeriesInstanceUID) + "/instances/" + header.getString(Tags.SOPInstanceUID)
                + "/bulk/";
        return BulkDataPolicy.uris(StoredHeader.LARGEST_KEPT_VALUE, (path, vr) -> instance + path.replace('/', '.'));
    }
}
