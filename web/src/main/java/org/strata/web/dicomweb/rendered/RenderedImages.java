package org.strata.web.dicomweb.rendered;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.image.FrameRenderer;
import org.strata.dicom.image.UnsupportedImageException;
import org.strata.dicom.image.Viewport;
import org.strata.dicom.image.Window;
import org.strata.dicom.pixel.DatasetFrames;
import org.strata.web.dicomweb.AcceptHeader;
import org.strata.web.dicomweb.DicomWebException;
import org.strata.web.dicomweb.StoredInstance;
import org.strata.web.dicomweb.multipart.MultipartWriter;

/**
 * Renders stored frames with the toolkit's {@link FrameRenderer} and encodes them as JPEG or PNG, for the rendered
 * and thumbnail resources and WADO-URI. Images are encoded before the response starts, so a failure is a status.
 */
public final class RenderedImages {
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    /** The longest side of a thumbnail when the client gives no viewport. */
    public static final int THUMBNAIL_SIZE = 128;

    private RenderedImages() {
    }

    /** JPEG (the default) or PNG, as the Accept header allows; 406 for neither. */
    public static String negotiate(String accept) {
        return AcceptHeader.parse(accept).choose(JPEG, PNG);
    }

    /** Whether the instance has pixel data to render at all. */
    public static boolean isImage(StoredInstance instance) {
        return instance.file().dataset().contains(Tags.PixelData);
    }

    /**
     * Frame {@code frame} (1-based) rendered: 406 for an instance without pixel data or one we cannot decode, 400
     * for a viewport region outside the image, 500 for pixel data contradicting its attributes.
     */
    public static BufferedImage render(StoredInstance instance, int frame, Window window, Viewport viewport) {
        String uid = instance.item().sopInstanceUid();
        if (!isImage(instance)) {
            throw DicomWebException.notAcceptable("instance " + uid + " is not an image (no Pixel Data)");
        }
        try {
            return FrameRenderer.render(instance.file().dataset(), instance.transferSyntaxUid(), frame - 1, window,
                    viewport);
        } catch (UnsupportedImageException e) {
            throw DicomWebException.notAcceptable("cannot render instance " + uid + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw DicomWebException.badRequest("viewport: " + e.getMessage());
        } catch (IOException e) {
            throw new DicomWebException(Response.Status.INTERNAL_SERVER_ERROR, "cannot render instance " + uid + ": "
                    + e.getMessage(), e);
        }
    }

    /** The frame a thumbnail of a multi-frame instance shows: the middle one. */
    public static int representativeFrame(StoredInstance instance) {
        return (DatasetFrames.numberOfFrames(instance.file().dataset()) + 1) / 2;
    }

    /** Frame {@code frame} (1-based) rendered with the client's parameters and encoded as {@code mediaType}. */
    public static byte[] encoded(StoredInstance instance, int frame, RenderingParameters parameters, String mediaType) {
        return encode(render(instance, frame, parameters.window(), parameters.viewport()), mediaType,
                parameters.quality());
    }

    /**
     * A thumbnail of frame {@code frame} (1-based): in the client's {@code viewport} parameter if given, else shrunk
     * (never enlarged) to fit {@value #THUMBNAIL_SIZE} pixels.
     */
    public static Response thumbnail(StoredInstance instance, int frame, String viewport, String mediaType) {
        Viewport fit = RenderingParameters.viewport(viewport);
        if (fit == null) {
            Dataset dataset = instance.file().dataset();
            int longest = Math.max(dataset.getInt(Tags.Rows, 0), dataset.getInt(Tags.Columns, 0));
            fit = longest > THUMBNAIL_SIZE ? new Viewport(THUMBNAIL_SIZE, THUMBNAIL_SIZE) : null;
        }
        return single(encode(render(instance, frame, null, fit), mediaType, RenderingParameters.DEFAULT_QUALITY),
                mediaType);
    }

    /** The image encoded as {@link #JPEG} (at {@code quality} 1-100) or {@link #PNG}. */
    public static byte[] encode(BufferedImage image, String mediaType, int quality) {
        ImageWriter writer = ImageIO.getImageWritersByMIMEType(mediaType).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (JPEG.equals(mediaType)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality / 100f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new DicomWebException(Response.Status.INTERNAL_SERVER_ERROR, "cannot encode " + mediaType + ": "
                    + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** One encoded image as the whole response. */
    public static Response single(byte[] image, String mediaType) {
        return Response.ok(image).header(HttpHeaders.CONTENT_TYPE, mediaType).build();
    }

    /** Encoded images as the parts of a {@code multipart/related} response. */
    public static Response multipart(List<byte[]> images, String mediaType) {
        String boundary = MultipartWriter.newBoundary();
        StreamingOutput body = out -> {
            MultipartWriter writer = new MultipartWriter(out, boundary);
            for (byte[] image : images) {
                try (OutputStream part = writer.startPart(mediaType, null)) {
                    part.write(image);
                }
            }
            writer.finish();
        };
        return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, MultipartWriter.contentType(mediaType, boundary))
                .build();
    }
}
