package org.strata.web.dicomweb.multipart;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes a {@code multipart/related} body part by part onto a stream (a JAX-RS {@code StreamingOutput}'s, say):
 * {@link #startPart} writes the boundary and headers and returns where the part's content goes; {@link #finish}
 * writes the close delimiter. Nothing is buffered beyond what the underlying stream buffers.
 */
public final class MultipartWriter {
    private final OutputStream out;
    private final String boundary;
    private boolean started;
    private boolean finished;

    public MultipartWriter(OutputStream out, String boundary) {
        this.out = out;
        this.boundary = boundary;
    }

    /** A fresh boundary that cannot occur in DICOM content by chance. */
    public static String newBoundary() {
        return "strata-" + UUID.randomUUID();
    }

    /** The Content-Type of a body with parts of type {@code partType}, e.g. {@code application/dicom}. */
    public static String contentType(String partType, String boundary) {
        return "multipart/related; type=\"" + partType + "\"; boundary=" + boundary;
    }

    /**
     * Starts the next part. The returned stream takes its content; closing it does not close the body.
     *
     * @param contentLocation the part's Content-Location, or null for none
     */
    public OutputStream startPart(String contentType, String contentLocation) throws IOException {
        if (finished) {
            throw new IllegalStateException("multipart body already finished");
        }
        StringBuilder head = new StringBuilder();
        if (started) {
            head.append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Type: ").append(contentType).append("\r\n");
        if (contentLocation != null) {
            head.append("Content-Location: ").append(contentLocation).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        started = true;
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    /** Writes the close delimiter (a body without parts still gets one, which RFC 2046 allows readers to take). */
    public void finish() throws IOException {
        if (!finished) {
            out.write(((started ? "\r\n" : "") + "--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            finished = true;
        }
    }
}
