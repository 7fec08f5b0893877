package org.strata.web.dicomweb.wadouri;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Locale;
import org.strata.dicom.dict.UidDictionary;
import org.strata.dicom.image.VoiFunction;
import org.strata.dicom.image.Viewport;
import org.strata.dicom.image.Window;
import org.strata.dicom.io.TransferSyntax;
import org.strata.dicom.pixel.DatasetFrames;
import org.strata.dicom.pixel.Transcoder;
import org.strata.ejb.retrieve.InstanceLocator;
import org.strata.web.dicomweb.AcceptHeader;
import org.strata.web.dicomweb.DicomWebException;
import org.strata.web.dicomweb.FrameNumbers;
import org.strata.web.dicomweb.StoredInstance;
import org.strata.web.dicomweb.rendered.RenderedImages;
import org.strata.web.dicomweb.rendered.RenderingParameters;
import org.strata.web.dicomweb.wado.WadoResource;

/**
 * WADO-URI (PS3.18 9): {@code GET /dicom-web/wado?requestType=WADO&studyUID=..&seriesUID=..&objectUID=..}. The
 * {@code contentType} parameter, else the Accept header, picks {@code application/dicom} (the stored object, or
 * converted to {@code transferSyntax}) or a rendered {@code image/jpeg} (the default for images) or {@code image/png}
 * of {@code frameNumber} (default 1), scaled to {@code rows}/{@code columns}, windowed by {@code windowCenter} and
 * {@code windowWidth}, JPEG at {@code imageQuality}. 400 for a missing or malformed parameter, 404 for an unknown
 * object, 406 for a content type or syntax that cannot be produced.
 */
@Path("wado")
@RequestScoped
public class WadoUriResource {
    static final String DICOM = "application/dicom";

    @EJB
    InstanceLocator locator;

    @GET
    public Response retrieve(@QueryParam("requestType") String requestType, @QueryParam("studyUID") String study,
                             @QueryParam("seriesUID") String series, @QueryParam("objectUID") String object,
                             @QueryParam("contentType") String contentType,
                             @QueryParam("transferSyntax") String transferSyntax,
                             @QueryParam("frameNumber") String frameNumber, @QueryParam("rows") String rows,
                             @QueryParam("columns") String columns, @QueryParam("windowCenter") String windowCenter,
                             @QueryParam("windowWidth") String windowWidth,
                             @QueryParam("imageQuality") String imageQuality,
                             @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        if (!"WADO".equals(requestType)) {
            throw DicomWebException.badRequest(requestType == null ? "requestType=WADO is missing"
                    : "requestType must be WADO, not '" + requestType + "'");
        }
        StoredInstance stored = StoredInstance.find(locator, required("studyUID", study),
                required("seriesUID", series), required("objectUID", object));
        String mediaType = mediaType(contentType, accept, RenderedImages.isImage(stored));
        if (mediaType.equals(DICOM)) {
            return dicom(stored, transferSyntax);
        }
        int frame = frameNumber == null ? 1 : frame(frameNumber, stored);
        RenderingParameters parameters = new RenderingParameters(window(windowCenter, windowWidth),
                viewport(rows, columns), RenderingParameters.parse(null, null, imageQuality).quality());
        return RenderedImages.single(RenderedImages.encoded(stored, frame, parameters, mediaType), mediaType);
    }

    /** One frame number (PS3.18 9.5.2.1: a list or a number out of range is a 400). */
    private static int frame(String frameNumber, StoredInstance stored) {
        List<Integer> frames = FrameNumbers.parse(frameNumber, DatasetFrames.numberOfFrames(stored.file().dataset()));
        if (frames.size() != 1) {
            throw DicomWebException.badRequest("frameNumber must be one number, not '" + frameNumber + "'");
        }
        return frames.get(0);
    }

    private static String required(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw DicomWebException.badRequest(parameter + " is missing");
        }
        return value.strip();
    }

    /** The first content type the client names that we produce; without one, the Accept header decides. */
    static String mediaType(String contentType, String accept, boolean image) {
        if (contentType == null || contentType.isBlank()) {
            return image ? AcceptHeader.parse(accept).choose(RenderedImages.JPEG, DICOM, RenderedImages.PNG)
                    : AcceptHeader.parse(accept).choose(DICOM);
        }
        for (String item : contentType.split(",")) {
            String type = item.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (type.equals(DICOM) || image && (type.equals(RenderedImages.JPEG) || type.equals(RenderedImages.PNG))) {
                return type;
            }
        }
        throw DicomWebException.notAcceptable("contentType " + contentType + " cannot be produced for this object"
                + (image ? "" : " (not an image: only application/dicom)"));
    }

    private static Response dicom(StoredInstance stored, String transferSyntax) {
        String stores = stored.item().transferSyntaxUid();
        String target = transferSyntax == null || transferSyntax.isBlank() ? stores : transferSyntax.strip();
        if (!TransferSyntax.forUid(target).isRegistered()) {
            throw DicomWebException.badRequest("transferSyntax " + target + " is not a transfer syntax UID");
        }
        if (!Transcoder.canTranscode(stores, target)) {
            throw DicomWebException.notAcceptable("object stored as " + UidDictionary.nameOf(stores)
                    + " cannot be converted to " + UidDictionary.nameOf(target) + " here");
        }
        StreamingOutput body = out -> WadoResource.writeInstance(stored.item(), target, out);
        return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, DICOM).build();
    }

    private static Window window(String center, String width) {
        if (center == null && width == null) {
            return null;
        }
        if (center == null || width == null) {
            throw DicomWebException.badRequest("windowCenter and windowWidth go together");
        }
        try {
            return new Window(RenderingParameters.number("windowCenter", center),
                    RenderingParameters.number("windowWidth", width), VoiFunction.LINEAR);
        } catch (IllegalArgumentException e) {
            throw DicomWebException.badRequest(e.getMessage());
        }
    }

    /** {@code rows} and {@code columns} bound the image; one alone scales it to that size with its aspect kept. */
    private static Viewport viewport(String rows, String columns) {
        if (rows == null && columns == null) {
            return null;
        }
        int height = rows == null ? Integer.MAX_VALUE : positive("rows", rows);
        int width = columns == null ? Integer.MAX_VALUE : positive("columns", columns);
        return new Viewport(width, height);
    }

    private static int positive(String parameter, String text) {
        int value = RenderingParameters.integer(parameter, text);
        if (value < 1) {
            throw DicomWebException.badRequest(parameter + " must be at least 1, not " + value);
        }
        return value;
    }
}
