package org.strata.web.dicomweb.qido;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.strata.dicom.dict.Tags;

/** QIDO-RS searches within a study: its series, its instances, a series' instances. */
@Path("studies/{study}")
@RequestScoped
public class StudyQidoResource extends QidoResources {
    @GET
    @Path("series")
    public Response series(@PathParam("study") String study) {
        return search().search("SERIES", Map.of(Tags.StudyInstanceUID, study), QidoSearch.SERIES);
    }

    @GET
    @Path("instances")
    public Response instances(@PathParam("study") String study) {
        return search().search("IMAGE", Map.of(Tags.StudyInstanceUID, study), QidoSearch.SERIES,
                QidoSearch.INSTANCE);
    }

    @GET
    @Path("series/{series}/instances")
    public Response instancesOfSeries(@PathParam("study") String study, @PathParam("series") String series) {
        return search().search("IMAGE", Map.of(Tags.StudyInstanceUID, study, Tags.SeriesInstanceUID, series),
                QidoSearch.INSTANCE);
    }
}
