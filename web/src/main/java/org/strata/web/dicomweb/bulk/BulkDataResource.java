package org.strata.web.dicomweb.bulk;

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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.strata.dicom.data.BulkData;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.io.DicomReader;
import org.strata.dicom.io.Part10;
import org.strata.dicom.io.TransferSyntax;
import org.strata.ejb.retrieve.InstanceLocator;
import org.strata.ejb.retrieve.RetrieveItem;
import org.strata.ejb.retrieve.RetrieveScope;
import org.strata.web.dicomweb.AcceptHeader;
import org.strata.web.dicomweb.DicomWebException;
import org.strata.web.dicomweb.multipart.MalformedMultipartException;
import org.strata.web.dicomweb.multipart.MediaTypeParameters;
import org.strata.web.dicomweb.multipart.MultipartWriter;
import org.strata.web.dicomweb.wado.WadoResource;

/**
 * WADO-RS Retrieve Bulkdata (PS3.18 10.4.1.1.5) for the URIs the metadata resources write:
 * {@code /studies/{s}/series/{se}/instances/{i}/bulk/{path}} with {@code path} a {@link TagPath}. The value in
 * little endian as {@code application/octet-stream} (a single {@code Range} honoured: 206, or 416 past the end), or
 * as the one part of a {@code multipart/related; type="application/octet-stream"} body when only that is accepted.
 * Large values are streamed from the stored file, never read whole.
 */
@Path("studies/{study}/series/{series}/instances/{instance}/bulk/{path}")
@RequestScoped
public class BulkDataResource {
    static final String OCTET_STREAM = MediaType.APPLICATION_OCTET_STREAM;
    /** Binary values at least this long stay in the file and are streamed from it. */
    private static final long STREAM_THRESHOLD = 64 * 1024;

    @EJB
    InstanceLocator locator;

    @GET
    public Response bulkData(@PathParam("study") String study, @PathParam("series") String series,
                             @PathParam("instance") String instance, @PathParam("path") String path,
                             @HeaderParam(HttpHeaders.ACCEPT) String accept, @HeaderParam("Range") String range) {
        TagPath tagPath = TagPath.parse(path);
        boolean multipart = multipartAsked(AcceptHeader.parse(accept));
        List<RetrieveItem> items = locator.locate(new RetrieveScope("IMAGE", List.of(), List.of(study),
                List.of(series), List.of(instance)));
        if (items.isEmpty()) {
            throw DicomWebException.notFound("no instance " + instance + " of series " + series + " of study " + study);
        }
        Value value = value(WadoResource.available(items).get(0), tagPath, path);
        if (multipart) {
            String boundary = MultipartWriter.newBoundary();
            StreamingOutput body = out -> {
                MultipartWriter writer = new MultipartWriter(out, boundary);
                try (OutputStream part = writer.startPart(OCTET_STREAM, null)) {
                    value.copy(0, value.length(), part);
                }
                writer.finish();
            };
            return Response.ok(body)
                    .header(HttpHeaders.CONTENT_TYPE, MultipartWriter.contentType(OCTET_STREAM, boundary))
                    .build();
        }
        ByteRange byteRange;
        try {
            byteRange = ByteRange.parse(range, value.length());
        } catch (ByteRange.UnsatisfiableException e) {
            return Response.status(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header("Content-Range", "bytes */" + value.length())
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(e.getMessage() + "\n")
                    .build();
        }
        long first = byteRange == null ? 0 : byteRange.first();
        long length = byteRange == null ? value.length() : byteRange.length();
        Response.ResponseBuilder response = byteRange == null ? Response.ok()
                : Response.status(Response.Status.PARTIAL_CONTENT).header("Content-Range",
                        "bytes " + byteRange.first() + "-" + byteRange.last() + "/" + value.length());
        return response.entity((StreamingOutput) out -> value.copy(first, length, out))
                .type(OCTET_STREAM)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .build();
    }

    /** True if the client takes only the multipart form; octet-stream wins whenever it is acceptable. */
    private static boolean multipartAsked(AcceptHeader accept) {
        for (MediaTypeParameters range : accept.ranges()) {
            if (AcceptHeader.covers(range, OCTET_STREAM)) {
                return false;
            }
            if (AcceptHeader.covers(range, "multipart/related")) {
                String type = range.get("type");
                try {
                    if (type == null || AcceptHeader.covers(MediaTypeParameters.parse(type), OCTET_STREAM)) {
                        return true;
                    }
                } catch (MalformedMultipartException e) {
                    throw DicomWebException.badRequest("Accept header, type parameter: " + e.getMessage());
                }
            }
        }
        throw DicomWebException.notAcceptable("bulk data is sent as application/octet-stream or multipart/related;"
                + " type=\"application/octet-stream\", which the Accept header does not allow");
    }

    /** The element's value, in little endian; large native values stay references into the stored file. */
    private static Value value(RetrieveItem item, TagPath tagPath, String path) {
        Dataset dataset;
        try {
            if (TransferSyntax.forUid(item.transferSyntaxUid()).isBigEndian()) {
                dataset = Part10.read(item.file()).dataset(); // the reader swaps values to little endian
            } else {
                try (DicomReader reader = new DicomReader(item.file())) {
                    reader.bulkDataReferences(true).bulkDataThreshold(STREAM_THRESHOLD);
                    dataset = reader.readFile().dataset();
                }
            }
        } catch (IOException e) {
            throw new DicomWebException(Response.Status.INTERNAL_SERVER_ERROR,
                    "cannot read instance " + item.sopInstanceUid() + ": " + e.getMessage(), e);
        }
        Dataset container = tagPath.container(dataset);
        if (container == null || !container.contains(tagPath.tag())) {
            throw DicomWebException.notFound("instance " + item.sopInstanceUid() + " has no element at " + path);
        }
        Object raw = container.get(tagPath.tag());
        if (raw == null) {
            return Value.of(new byte[0]);
        }
        if (raw instanceof byte[] bytes) {
            return Value.of(bytes);
        }
        if (raw instanceof BulkData bulk) {
            return new Value(bulk.length(), bulk::openStream);
        }
        if (raw instanceof Fragments) {
            throw DicomWebException.notAcceptable("the element at " + path + " is encapsulated (compressed) pixel data,"
                    + " which is not served as uncompressed bulk data");
        }
        throw DicomWebException.notFound("the element at " + path + " of instance " + item.sopInstanceUid()
                + " is not a binary value");
    }

    /** A value of known length that can be opened as a stream. */
    private record Value(long length, Opener opener) {
        interface Opener {
            InputStream open() throws IOException;
        }

        static Value of(byte[] bytes) {
            return new Value(bytes.length, () -> new ByteArrayInputStream(bytes));
        }

        void copy(long first, long count, OutputStream out) throws IOException {
            try (InputStream in = opener.open()) {
                in.skipNBytes(first);
                byte[] buffer = new byte[64 * 1024];
                long left = count;
                while (left > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new IOException("bulk data ended " + left + " bytes early");
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
        }
    }
}
