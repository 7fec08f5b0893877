package org.strata.web.dicomweb.stow;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.strata.dicom.data.Dataset;
import org.strata.web.dicomweb.AcceptHeader;
import org.strata.web.dicomweb.DicomModelEntity;
import org.strata.web.dicomweb.DicomWebException;
import org.strata.web.dicomweb.multipart.MalformedMultipartException;
import org.strata.web.dicomweb.multipart.MediaTypeParameters;

/**
 * STOW-RS (PS3.18 10.5) behind {@code POST /dicom-web/studies[/{study}]}: {@code multipart/related} parts that are
 * Part 10 objects ({@code type="application/dicom"}), or DICOM JSON/XML metadata with bulk data parts. Every
 * instance goes through the one store path ({@link org.strata.ejb.store.StoreService}), with C-STORE's durability,
 * duplicate and refusal rules. The whole body is read before anything is stored, so a malformed body stores nothing.
 */
@Dependent
public class Stow {
    private static final Logger LOG = Logger.getLogger(Stow.class.getName());
    static final String DICOM = "application/dicom";

    @Inject
    InstanceStorer storer;

    /**
     * Stores the instances of one request and answers with the Store Instances Response.
     *
     * @param study   the study the request's path names, or null
     * @param baseUrl the DICOMweb root ending in '/', for RetrieveURLs
     */
    Response stow(String study, String contentType, String accept, InputStream body, String baseUrl) {
        String responseType = DicomModelEntity.negotiate(AcceptHeader.parse(accept));
        MediaTypeParameters type = requestType(contentType);
        String rootType = rootType(type);
        List<StowOutcome> outcomes;
        try (SpooledParts parts = SpooledParts.read(body, type, rootType)) {
            if (parts.parts().isEmpty()) {
                throw DicomWebException.badRequest("the multipart body has no parts");
            }
            outcomes = DICOM.equals(rootType) ? storePart10(parts, study) : storeMetadata(parts, rootType, study);
        } catch (MalformedMultipartException e) {
            throw DicomWebException.badRequest("malformed multipart body: " + e.getMessage());
        } catch (IOException e) {
            throw new DicomWebException(Response.Status.INTERNAL_SERVER_ERROR, "cannot read the request: " + e.getMessage(), e);
        }
        for (StowOutcome o : outcomes) {
            if (!o.isStored()) {
                LOG.info(() -> String.format("STOW-RS refused %s: %04X %s", o.sopInstanceUid(), o.failureReason(),
                        o.comment()));
            }
        }
        Dataset response = StowResponse.dataset(outcomes, baseUrl, study);
        return Response.status(StowResponse.status(outcomes))
                .type(responseType)
                .entity(DicomModelEntity.of(response, responseType))
                .build();
    }

    private static MediaTypeParameters requestType(String contentType) {
        MediaTypeParameters type;
        try {
            type = MediaTypeParameters.parse(contentType);
        } catch (MalformedMultipartException e) {
            throw DicomWebException.unsupportedMediaType("Content-Type: " + e.getMessage());
        }
        if (!type.baseType().equals("multipart/related")) {
            throw DicomWebException.unsupportedMediaType("STOW-RS takes multipart/related, not " + type.baseType());
        }
        return type;
    }

    /** The {@code type} parameter's base type: one of the three PS3.18 takes for STOW-RS. */
    private static String rootType(MediaTypeParameters contentType) {
        String type = contentType.get("type");
        if (type == null) {
            throw DicomWebException.unsupportedMediaType("multipart/related without a type parameter");
        }
        String base;
        try {
            base = MediaTypeParameters.parse(type).baseType();
        } catch (MalformedMultipartException e) {
            throw DicomWebException.unsupportedMediaType("type parameter: " + e.getMessage());
        }
        if (!List.of(DICOM, DicomModelEntity.JSON, DicomModelEntity.XML).contains(base)) {
            throw DicomWebException.unsupportedMediaType("STOW-RS takes parts of type application/dicom,"
                    + " application/dicom+json or application/dicom+xml, not " + base);
        }
        return base;
    }

    private List<StowOutcome> storePart10(SpooledParts parts, String study) throws IOException {
        int n = 0;
        for (SpooledParts.Part part : parts.parts()) {
            n++;
            if (!DICOM.equals(part.mediaType())) {
                throw DicomWebException.unsupportedMediaType("part " + n + " is " + part.mediaType()
                        + " in a request of type application/dicom");
            }
        }
        List<StowOutcome> outcomes = new ArrayList<>();
        for (SpooledParts.Part part : parts.parts()) {
            outcomes.add(storer.storePart10(part.file(), study));
        }
        return outcomes;
    }

    private List<StowOutcome> storeMetadata(SpooledParts parts, String metadataType, String study) throws IOException {
        Map<String, SpooledParts.Part> bulk = new HashMap<>();
        List<SpooledParts.Part> metadata = new ArrayList<>();
        for (SpooledParts.Part part : parts.parts()) {
            if (metadataType.equals(part.mediaType())) {
                metadata.add(part);
            } else if (part.contentLocation() == null) {
                throw DicomWebException.badRequest("a bulk data part of type " + part.mediaType()
                        + " has no Content-Location");
            } else {
                bulk.put(part.contentLocation(), part);
            }
        }
        if (metadata.isEmpty()) {
            throw DicomWebException.badRequest("no part of type " + metadataType);
        }
        List<StowOutcome> outcomes = new ArrayList<>();
        for (SpooledParts.Part part : metadata) {
            outcomes.addAll(storer.storeMetadata(part.file(), metadataType, bulk, study));
        }
        return outcomes;
    }
}
