package org.strata.web.dicomweb;

import jakarta.ws.rs.core.Response;

/**
 * A DICOMweb request refused with an HTTP status and a one-line reason, which {@link DicomWebExceptionMapper}
 * sends as the text/plain body. Thrown from resources; nothing has been changed when it is thrown.
 */
public class DicomWebException extends RuntimeException {
    private final Response.StatusType status;

    public DicomWebException(Response.StatusType status, String reason) {
        super(reason);
        this.status = status;
    }

    public DicomWebException(Response.StatusType status, String reason, Throwable cause) {
        super(reason, cause);
        this.status = status;
    }

    public Response.StatusType status() {
        return status;
    }

    public static DicomWebException badRequest(String reason) {
        return new DicomWebException(Response.Status.BAD_REQUEST, reason);
    }

    public static DicomWebException notFound(String reason) {
        return new DicomWebException(Response.Status.NOT_FOUND, reason);
    }

    public static DicomWebException notAcceptable(String reason) {
        return new DicomWebException(Response.Status.NOT_ACCEPTABLE, reason);
    }

    public static DicomWebException unsupportedMediaType(String reason) {
        return new DicomWebException(Response.Status.UNSUPPORTED_MEDIA_TYPE, reason);
    }
}
