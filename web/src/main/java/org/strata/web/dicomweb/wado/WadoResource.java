package org.strata.web.dicomweb.wado;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.UidDictionary;
import org.strata.dicom.io.DicomWriter;
import org.strata.dicom.io.FileMetaInformation;
import org.strata.dicom.io.Part10;
import org.strata.dicom.io.TransferSyntax;
import org.strata.dicom.pixel.Transcoder;
import org.strata.ejb.retrieve.InstanceLocator;
import org.strata.ejb.retrieve.RetrieveItem;
import org.strata.ejb.retrieve.RetrieveScope;
import org.strata.web.dicomweb.AcceptHeader;
import org.strata.web.dicomweb.DicomWebException;
import org.strata.web.dicomweb.multipart.MultipartWriter;

/**
 * WADO-RS Retrieve Study/Series/Instance (PS3.18 10.4): the instances as {@code multipart/related;
 * type="application/dicom"}, one Part 10 object per part, streamed one file at a time. An instance stored in the
 * syntax asked for is sent byte for byte as stored; others are converted by the toolkit's {@link Transcoder}.
 */
@Path("studies/{study}")
@RequestScoped
public class WadoResource {
    @EJB
    InstanceLocator locator;

    @GET
    public Response study(@PathParam("study") String study, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return retrieve(new RetrieveScope("STUDY", List.of(), List.of(study), List.of(), List.of()), accept,
                "study " + study);
    }

    @GET
    @Path("series/{series}")
    public Response series(@PathParam("study") String study, @PathParam("series") String series,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return retrieve(new RetrieveScope("SERIES", List.of(), List.of(study), List.of(series), List.of()), accept,
                "series " + series + " of study " + study);
    }

    @GET
    @Path("series/{series}/instances/{instance}")
    public Response instance(@PathParam("study") String study, @PathParam("series") String series,
                             @PathParam("instance") String instance, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return retrieve(new RetrieveScope("IMAGE", List.of(), List.of(study), List.of(series), List.of(instance)),
                accept, "instance " + instance + " of series " + series + " of study " + study);
    }

    private Response retrieve(RetrieveScope scope, String accept, String what) {
        TransferSyntaxChoice choice = TransferSyntaxChoice.negotiate(AcceptHeader.parse(accept));
        List<RetrieveItem> found = locator.locate(scope);
        if (found.isEmpty()) {
            throw DicomWebException.notFound("no " + what);
        }
        List<RetrieveItem> items = available(found);
        List<String> syntaxes = new ArrayList<>();
        for (RetrieveItem item : items) {
            String ts = choice.forStored(item.transferSyntaxUid());
            if (ts == null) {
                throw DicomWebException.notAcceptable("instance " + item.sopInstanceUid() + " is stored as "
                        + UidDictionary.nameOf(item.transferSyntaxUid()) + ", which cannot be converted to "
                        + UidDictionary.nameOf(choice.uid()) + " here (only uncompressed and RLE Lossless)");
            }
            syntaxes.add(ts);
        }
        String boundary = MultipartWriter.newBoundary();
        StreamingOutput body = out -> {
            MultipartWriter writer = new MultipartWriter(out, boundary);
            for (int i = 0; i < items.size(); i++) {
                String ts = syntaxes.get(i);
                try (OutputStream part = writer.startPart("application/dicom; transfer-syntax=" + ts, null)) {
                    writeInstance(items.get(i), ts, part);
                }
            }
            writer.finish();
        };
        Response.ResponseBuilder response = items.size() == found.size() ? Response.ok(body)
                : Response.status(Response.Status.PARTIAL_CONTENT).entity(body).header("Warning",
                "299 - \"" + (found.size() - items.size()) + " instance(s) not served: stored object missing or damaged\"");
        return response
                .header(HttpHeaders.CONTENT_TYPE, MultipartWriter.contentType(TransferSyntaxChoice.DICOM, boundary))
                .build();
    }

    /**
     * The items whose stored object can be served (the locator gives no file for one missing, damaged or on storage
     * that is not available); 503 when there is none.
     */
    public static List<RetrieveItem> available(List<RetrieveItem> items) {
        List<RetrieveItem> available = items.stream().filter(i -> i.file() != null).toList();
        if (available.isEmpty()) {
            throw new DicomWebException(Response.Status.SERVICE_UNAVAILABLE, "the stored object of "
                    + items.get(0).sopInstanceUid() + (items.size() > 1 ? " and " + (items.size() - 1) + " more" : "")
                    + " is missing or damaged");
        }
        return available;
    }

    /** The stored file as it is, or its data set converted to {@code ts} behind new File Meta Information. */
    public static void writeInstance(RetrieveItem item, String ts, OutputStream out) throws IOException {
        if (ts.equals(item.transferSyntaxUid())) {
            try (InputStream in = Files.newInputStream(item.file())) {
                in.transferTo(out);
            }
            return;
        }
        Dataset dataset = Part10.read(item.file()).dataset();
        TransferSyntax target = TransferSyntax.forUid(ts);
        Transcoder.transcode(dataset, TransferSyntax.forUid(item.transferSyntaxUid()), target);
        new DicomWriter(out).writeFile(FileMetaInformation.create(item.sopClassUid(), item.sopInstanceUid(), ts),
                dataset);
    }
}
