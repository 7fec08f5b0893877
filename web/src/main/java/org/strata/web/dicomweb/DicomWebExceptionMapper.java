package org.strata.web.dicomweb;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a {@link DicomWebException} with its status and its reason as one text/plain line. */
@Provider
public class DicomWebExceptionMapper implements ExceptionMapper<DicomWebException> {
    @Override
    public Response toResponse(DicomWebException e) {
        return Response.status(e.status())
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity(oneLine(e.getMessage()) + "\n")
                .build();
    }

    /** Line breaks in a reason (from a parser's message, say) would break the one-line contract. */
    static String oneLine(String reason) {
        return reason == null ? "" : reason.replaceAll("[\\r\\n]+", " ");
    }
}
