package org.strata.web.dicomweb;

import jakarta.ws.rs.core.StreamingOutput;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.json.BulkDataPolicy;
import org.strata.dicom.json.DicomJsonWriter;
import org.strata.dicom.xml.DicomXmlWriter;

/** A data set as a response entity in the DICOM JSON Model or the Native DICOM Model (XML). */
public final class DicomModelEntity {
    public static final String JSON = "application/dicom+json";
    public static final String XML = "application/dicom+xml";

    private DicomModelEntity() {
    }

    /** The client's choice between JSON (preferred when both are acceptable) and XML; 406 for neither. */
    public static String negotiate(AcceptHeader accept) {
        return accept.choose(JSON, XML);
    }

    /** Writes {@code dataset} as {@code mediaType} ({@link #JSON} or {@link #XML}), values inline. */
    public static StreamingOutput of(Dataset dataset, String mediaType) {
        return out -> {
            if (XML.equals(mediaType)) {
                new DicomXmlWriter(out, BulkDataPolicy.INLINE, false).write(dataset);
            } else {
                DicomJsonWriter.write(dataset, out, BulkDataPolicy.INLINE, false);
            }
        };
    }
}
