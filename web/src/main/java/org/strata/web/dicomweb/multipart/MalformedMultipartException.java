package org.strata.web.dicomweb.multipart;

import java.io.IOException;

/** A {@code multipart/related} body (or its Content-Type) that breaks RFC 2046/2387; the message says where. */
public class MalformedMultipartException extends IOException {
    public MalformedMultipartException(String message) {
        super(message);
    }
}
