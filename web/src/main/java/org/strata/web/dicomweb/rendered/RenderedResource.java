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
import org.strata.ejb.retrieve.RetrieveItem;
import org.strata.ejb.retrieve.RetrieveScope;
import org.strata.web.dicomweb.DicomWebException;
import org.strata.web.dicomweb.StoredInstance;

/**
 * WADO-RS Retrieve Rendered and Thumbnail (PS3.18 10.4.1.1.3, 10.4.1.1.7) of studies, series and instances, as
 * {@code image/jpeg} (default) or {@code image/png}. A study or series renders as {@code multipart/related}, one part
 * per image instance (its first frame; instances we cannot render are left out); an instance renders as one image,
 * or a part per frame when it has several. A thumbnail is one image: of a study or series its middle instance (or the
 * next that renders), of a multi-frame instance its middle frame, shrunk to {@value RenderedImages#THUMBNAIL_SIZE}
 * pixels unless a viewport is given.
 */
@Path("studies/{study}")
@RequestScoped
public class RenderedResource {
    @EJB
    InstanceLocator locator;

    @QueryParam("window")
    String window;
    @QueryParam("viewport")
    String viewport;
    @QueryParam("quality")
    String quality;
    @HeaderParam(HttpHeaders.ACCEPT)
    String accept;

    @GET
    @Path("rendered")
    public Response study(@PathParam("study") String study) {
        return renderAll(locate(study, null), "study " + study);
    }

    @GET
    @Path("series/{series}/rendered")
    public Response series(@PathParam("study") String study, @PathParam("series") String series) {
        return renderAll(locate(study, series), "series " + series);
    }

    @GET
    @Path("series/{series}/instances/{instance}/rendered")
    public Response instance(@PathParam("study") String study, @PathParam("series") String series,
                             @PathParam("instance") String instance) {
        RenderingParameters parameters = RenderingParameters.parse(window, viewport, quality);
        String mediaType = RenderedImages.negotiate(accept);
        StoredInstance stored = StoredInstance.find(locator, study, series, instance);
        int frames = RenderedImages.isImage(stored) ? DatasetFrames.numberOfFrames(stored.file().dataset()) : 1;
        List<byte[]> images = new ArrayList<>();
        for (int frame = 1; frame <= frames; frame++) {
            images.add(RenderedImages.encoded(stored, frame, parameters, mediaType));
        }
        return frames == 1 ? RenderedImages.single(images.get(0), mediaType)
                : RenderedImages.multipart(images, mediaType);
    }

    @GET
    @Path("thumbnail")
    public Response studyThumbnail(@PathParam("study") String study) {
        return thumbnailOfOne(locate(study, null), "study " + study);
    }

    @GET
    @Path("series/{series}/thumbnail")
    public Response seriesThumbnail(@PathParam("study") String study, @PathParam("series") String series) {
        return thumbnailOfOne(locate(study, series), "series " + series);
    }

    @GET
    @Path("series/{series}/instances/{instance}/thumbnail")
    public Response instanceThumbnail(@PathParam("study") String study, @PathParam("series") String series,
                                      @PathParam("instance") String instance) {
        StoredInstance stored = StoredInstance.find(locator, study, series, instance);
        return RenderedImages.thumbnail(stored, RenderedImages.isImage(stored)
                ? RenderedImages.representativeFrame(stored) : 1, viewport, RenderedImages.negotiate(accept));
    }

    private List<RetrieveItem> locate(String study, String series) {
        List<RetrieveItem> items = locator.locate(new RetrieveScope(series == null ? "STUDY" : "SERIES", List.of(),
                List.of(study), series == null ? List.of() : List.of(series), List.of()));
        if (items.isEmpty()) {
            throw DicomWebException.notFound(series == null ? "no study " + study
                    : "no series " + series + " of study " + study);
        }
        return items;
    }

    private Response renderAll(List<RetrieveItem> items, String what) {
        RenderingParameters parameters = RenderingParameters.parse(window, viewport, quality);
        String mediaType = RenderedImages.negotiate(accept);
        List<byte[]> images = new ArrayList<>();
        for (RetrieveItem item : items) {
            StoredInstance stored = StoredInstance.read(item);
            try {
                images.add(RenderedImages.encoded(stored, 1, parameters, mediaType));
            } catch (DicomWebException e) {
                if (e.status() != Response.Status.NOT_ACCEPTABLE) {
                    throw e;
                }
                // not an image, or one we cannot decode: the rendered study or series goes without it
            }
        }
        if (images.isEmpty()) {
            throw DicomWebException.notAcceptable("none of the " + items.size() + " instances of " + what
                    + " is an image that can be rendered here");
        }
        return RenderedImages.multipart(images, mediaType);
    }

    /** The thumbnail of the middle instance, or of the next one after it that renders. */
    private Response thumbnailOfOne(List<RetrieveItem> items, String what) {
        String mediaType = RenderedImages.negotiate(accept);
        int middle = (items.size() - 1) / 2;
        for (int step = 0; step < items.size(); step++) {
            StoredInstance stored = StoredInstance.read(items.get((middle + step) % items.size()));
            if (RenderedImages.isImage(stored)) {
                try {
                    return RenderedImages.thumbnail(stored, RenderedImages.representativeFrame(stored), viewport,
                            mediaType);
                } catch (DicomWebException e) {
                    if (e.status() != Response.Status.NOT_ACCEPTABLE) {
                        throw e;
                    }
                }
            }
        }
        throw DicomWebException.notAcceptable("none of the " + items.size() + " instances of " + what
                + " is an image that can be rendered here");
    }
}
