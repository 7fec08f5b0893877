package org.strata.web.dicomweb.rendered;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.strata.dicom.pixel.DatasetFrames;
import org.strata.ejb.retrieve.InstanceLocator;
import org.strata.web.dicomweb.DicomWebException;
import org.strata.web.dicomweb.FrameNumbers;
import org.strata.web.dicomweb.StoredInstance;

/**
 * WADO-RS Retrieve Rendered and Thumbnail of frames (PS3.18 10.4.1.1.3, 10.4.1.1.7):
 * {@code .../instances/{i}/frames/{list}/rendered} is one image for one frame, else a {@code multipart/related} part
 * per frame; {@code .../thumbnail} is the first listed frame, small. Same media types and parameters as
 * {@link RenderedResource}.
 */
@Path("studies/{study}/series/{series}/instances/{instance}/frames/{frames}")
@RequestScoped
public class FrameRenderedResource {
    @EJB
    InstanceLocator locator;

    @PathParam("study")
    String study;
    @PathParam("series")
    String series;
    @PathParam("instance")
    String instance;
    @PathParam("frames")
    String frameList;
    @QueryParam("viewport")
    String viewport;
    @HeaderParam(HttpHeaders.ACCEPT)
    String accept;

    @GET
    @Path("rendered")
    public Response rendered(@QueryParam("window") String window, @QueryParam("quality") String quality) {
        RenderingParameters parameters = RenderingParameters.parse(window, viewport, quality);
        String mediaType = RenderedImages.negotiate(accept);
        StoredInstance stored = StoredInstance.find(locator, study, series, instance);
        List<byte[]> images = new ArrayList<>();
        for (int frame : frames(stored)) {
            images.add(RenderedImages.encoded(stored, frame, parameters, mediaType));
        }
        return images.size() == 1 ? RenderedImages.single(images.get(0), mediaType)
                : RenderedImages.multipart(images, mediaType);
    }

    @GET
    @Path("thumbnail")
    public Response thumbnail() {
        String mediaType = RenderedImages.negotiate(accept);
        StoredInstance stored = StoredInstance.find(locator, study, series, instance);
        return RenderedImages.thumbnail(stored, frames(stored).get(0), viewport, mediaType);
    }

    private List<Integer> frames(StoredInstance stored) {
        if (!RenderedImages.isImage(stored)) {
            throw DicomWebException.notFound("instance " + instance + " has no frames (no Pixel Data)");
        }
        return FrameNumbers.parse(frameList, DatasetFrames.numberOfFrames(stored.file().dataset()));
    }
}
