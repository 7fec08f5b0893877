package org.strata.web.dicomweb.multipart;

import java.io.InputStream;
import java.util.Map;

/**
 * One body part being read: its headers (names case-insensitive) and its content, streamed from the request.
 * The content is valid until the reader's next {@code nextPart()}.
 */
public record MultipartPart(Map<String, String> headers, InputStream body) {

    /** The part's Content-Type, or null (then RFC 2046 says text/plain; callers decide what that means). */
    public String contentType() {
        return headers.get("Content-Type");
    }

    /** The part's Content-Location, or null. */
    public String contentLocation() {
        return headers.get("Content-Location");
    }
}
