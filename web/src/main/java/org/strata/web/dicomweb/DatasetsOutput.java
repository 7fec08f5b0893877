package org.strata.web.dicomweb;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.json.BulkDataPolicy;
import org.strata.dicom.json.DicomJsonWriter;
import org.strata.dicom.xml.DicomXmlWriter;
import org.strata.web.dicomweb.multipart.MultipartWriter;

/**
 * The answer of QIDO-RS and WADO-RS metadata: data sets as one DICOM JSON array ({@code application/dicom+json},
 * the default) or as a {@code multipart/related; type="application/dicom+xml"} body of one Native DICOM Model
 * document per data set, whichever the Accept header prefers. Data sets are written as they come, so an
 * {@link Iterable} that reads them page by page keeps memory bounded.
 */
public enum DatasetsOutput {
    JSON, XML;

    private static final String DICOM_JSON = "application/dicom+json";
    private static final String DICOM_XML = "application/dicom+xml";

    /**
     * The format the request accepts: the first acceptable of its Accept header's types in order.
     *
     * @throws DicomWebException 406 when it accepts neither
     */
    public static DatasetsOutput of(HttpHeaders headers) {
        List<String> accept = headers.getRequestHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isEmpty()) {
            return JSON;
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            String base = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
            switch (base) {
                case "*/*", "application/*", DICOM_JSON, "application/json" -> {
                    return JSON;
                }
                case "multipart/related", "multipart/*" -> {
                    String part = type.getParameters().get("type");
                    if (part == null || part.equalsIgnoreCase(DICOM_XML)) {
                        return XML;
                    }
                }
                default -> {
                }
            }
        }
        throw DicomWebException.notAcceptable("acceptable are " + DICOM_JSON + " and multipart/related; type=\""
                + DICOM_XML + "\", not " + String.join(", ", accept));
    }

    /** A 200 response streaming the data sets, binary values per {@code bulkData} of each data set. */
    public Response.ResponseBuilder ok(Iterable<Dataset> datasets, Function<Dataset, BulkDataPolicy> bulkData) {
        if (this == JSON) {
            StreamingOutput body = out -> writeJson(datasets, bulkData, out);
            return Response.ok(body, DICOM_JSON);
        }
        String boundary = MultipartWriter.newBoundary();
        StreamingOutput body = out -> writeXml(datasets, bulkData, new MultipartWriter(out, boundary));
        return Response.ok(body, MultipartWriter.contentType(DICOM_XML, boundary));
    }

    private static void writeJson(Iterable<Dataset> datasets, Function<Dataset, BulkDataPolicy> bulkData,
            OutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        text.write('[');
        boolean first = true;
        for (Dataset dataset : datasets) {
            if (!first) {
                text.write(',');
            }
            first = false;
            // each data set has its own bulk data URIs; the writer flushes after each
            new DicomJsonWriter(text, bulkData.apply(dataset), false).write(dataset);
        }
        text.write(']');
        text.flush();
    }

    private static void writeXml(Iterable<Dataset> datasets, Function<Dataset, BulkDataPolicy> bulkData,
            MultipartWriter parts) throws IOException {
        for (Dataset dataset : datasets) {
            OutputStream part = parts.startPart(DICOM_XML, null);
            new DicomXmlWriter(part, bulkData.apply(dataset), false).write(dataset);
            part.close();
        }
        parts.finish();
    }
}
