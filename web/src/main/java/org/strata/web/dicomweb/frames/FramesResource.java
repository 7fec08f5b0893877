package org.strata.web.dicomweb.frames;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dict.UidDictionary;
import org.strata.dicom.pixel.DatasetFrames;
import org.strata.ejb.retrieve.InstanceLocator;
import org.strata.web.dicomweb.AcceptHeader;
import org.strata.web.dicomweb.DicomWebException;
import org.strata.web.dicomweb.FrameNumbers;
import org.strata.web.dicomweb.StoredInstance;
import org.strata.web.dicomweb.multipart.MalformedMultipartException;
import org.strata.web.dicomweb.multipart.MediaTypeParameters;
import org.strata.web.dicomweb.multipart.MultipartWriter;

/**
 * WADO-RS Retrieve Frames (PS3.18 10.4.1.1.4): {@code .../instances/{i}/frames/{list}} as {@code multipart/related},
 * one part per frame in the order asked. Uncompressed and RLE Lossless instances give native little-endian frames
 * ({@code application/octet-stream}); other compressed instances give each frame's stored bytes in the image media
 * type of their syntax ({@code image/jpeg}, ...), as does RLE when {@code image/dicom-rle} is asked for; 406 when the
 * Accept header allows neither.
 */
@Path("studies/{study}/series/{series}/instances/{instance}/frames/{frames}")
@RequestScoped
public class FramesResource {
    private static final String MULTIPART = "multipart/related";
    private static final String OCTET_STREAM = MediaType.APPLICATION_OCTET_STREAM;

    @EJB
    InstanceLocator locator;

    @GET
    public Response frames(@PathParam("study") String study, @PathParam("series") String series,
                           @PathParam("instance") String instance, @PathParam("frames") String frameList,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        StoredInstance stored = StoredInstance.find(locator, study, series, instance);
        Dataset dataset = stored.file().dataset();
        if (!dataset.contains(Tags.PixelData)) {
            throw DicomWebException.notFound("instance " + instance + " has no Pixel Data");
        }
        List<Integer> frames = FrameNumbers.parse(frameList, DatasetFrames.numberOfFrames(dataset));
        String syntax = stored.transferSyntaxUid();
        boolean encapsulated = DatasetFrames.isEncapsulated(dataset);
        String partType = partType(AcceptHeader.parse(accept), syntax, encapsulated);
        boolean nativeFrames = partType.startsWith(OCTET_STREAM);
        String boundary = MultipartWriter.newBoundary();
        StreamingOutput body = out -> {
            MultipartWriter writer = new MultipartWriter(out, boundary);
            for (int frame : frames) {
                byte[] bytes = nativeFrames ? DatasetFrames.nativeFrame(dataset, syntax, frame - 1)
                        : DatasetFrames.storedFrame(dataset, frame - 1);
                try (OutputStream part = writer.startPart(partType, null)) {
                    part.write(bytes);
                }
            }
            writer.finish();
        };
        return Response.ok(body).header(HttpHeaders.CONTENT_TYPE,
                MultipartWriter.contentType(partType.substring(0, partType.indexOf(';')), boundary)).build();
    }

    /**
     * The Content-Type of each part, with its transfer-syntax parameter: native frames when the client accepts them
     * and we can make them, else the stored bytes in their media type, else 406.
     */
    static String partType(AcceptHeader accept, String syntax, boolean encapsulated) {
        boolean decodable = !encapsulated || DatasetFrames.isDecodable(syntax);
        String storedType = encapsulated ? CompressedMediaTypes.of(syntax) : null;
        String nativeType = OCTET_STREAM + "; transfer-syntax=" + UIDs.ExplicitVRLittleEndian;
        String compressedType = storedType + "; transfer-syntax=" + syntax;
        for (MediaTypeParameters range : accept.ranges()) {
            if (!AcceptHeader.covers(range, MULTIPART)) {
                continue;
            }
            String type = range.get("type");
            MediaTypeParameters part = type == null ? null : parse(type);
            String asked = range.get("transfer-syntax") != null ? range.get("transfer-syntax")
                    : part == null ? null : part.get("transfer-syntax");
            if (decodable && (part == null || AcceptHeader.covers(part, OCTET_STREAM))
                    && (asked == null || asked.equals(UIDs.ExplicitVRLittleEndian))) {
                return nativeType;
            }
            if (storedType != null && (part == null || AcceptHeader.covers(part, storedType))
                    && (asked == null || asked.equals("*") || asked.equals(syntax))) {
                return compressedType;
            }
        }
        if (!decodable && storedType == null) {
            throw DicomWebException.notAcceptable("frames stored as " + UidDictionary.nameOf(syntax)
                    + " cannot be sent as single-frame media");
        }
        String offered = decodable ? OCTET_STREAM + (storedType != null ? " or " + storedType : "") : storedType;
        throw DicomWebException.notAcceptable("frames of this instance (" + UidDictionary.nameOf(syntax)
                + ") are sent as " + MULTIPART + " of " + offered + ", which the Accept header does not allow");
    }

    private static MediaTypeParameters parse(String type) {
        try {
            return MediaTypeParameters.parse(type);
        } catch (MalformedMultipartException e) {
            throw DicomWebException.badRequest("Accept header, type parameter: " + e.getMessage());
        }
    }
}
