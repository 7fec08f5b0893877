package org.strata.web.dicomweb.stow;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.strata.dicom.data.BulkData;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dimse.Status;
import org.strata.dicom.io.DicomReader;
import org.strata.dicom.io.DicomWriter;
import org.strata.dicom.io.FileMetaInformation;
import org.strata.dicom.io.Part10;
import org.strata.dicom.io.TransferSyntax;
import org.strata.dicom.json.BulkDataResolver;
import org.strata.dicom.json.DicomJsonReader;
import org.strata.dicom.json.ModelFormatException;
import org.strata.dicom.xml.DicomXmlReader;
import org.strata.ejb.store.StoreRequest;
import org.strata.ejb.store.StoreResult;
import org.strata.ejb.store.StoreService;
import org.strata.web.dicomweb.DicomModelEntity;

/**
 * Hands the instances of a STOW-RS request, spooled to files, to {@link StoreService}: a Part 10 part's data set
 * bytes as they are (its File Meta Information gives the UIDs and transfer syntax), a metadata part's data sets
 * encoded in Explicit VR Little Endian with their bulk data from the other parts.
 */
@Dependent
public class InstanceStorer {
    static final String OCTET_STREAM = "application/octet-stream";

    @EJB
    StoreService store;

    /** Stores one Part 10 object; {@code study}, if not null, is the study the request's path names. */
    StowOutcome storePart10(Path file, String study) throws IOException {
        FileMetaInformation meta;
        long datasetOffset;
        try (DicomReader reader = new DicomReader(file)) {
            meta = reader.readFileMetaInformation();
            datasetOffset = reader.position();
        } catch (IOException e) {
            return StowOutcome.failed(null, null, Status.UNABLE_TO_PROCESS, "cannot parse: " + e.getMessage());
        }
        if (meta == null) {
            return StowOutcome.failed(null, null, Status.UNABLE_TO_PROCESS,
                    "not a Part 10 object: no File Meta Information");
        }
        String cuid = meta.mediaStorageSopClassUid();
        String iuid = meta.mediaStorageSopInstanceUid();
        String tsuid = meta.transferSyntaxUid();
        if (isEmpty(cuid) || isEmpty(iuid) || isEmpty(tsuid)) {
            return StowOutcome.failed(cuid, iuid, Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                    "File Meta Information lacks the SOP class, SOP instance or transfer syntax UID");
        }
        Dataset header;
        try {
            header = Part10.readHeader(file).dataset();
        } catch (IOException e) {
            return StowOutcome.failed(cuid, iuid, Status.UNABLE_TO_PROCESS, "cannot parse: " + e.getMessage());
        }
        return store(new StoreRequest(cuid, iuid, tsuid, null), header, file, datasetOffset, study);
    }

    /** Stores the data set(s) of one DICOM JSON or XML part, taking bulk data from {@code bulk} by Content-Location. */
    List<StowOutcome> storeMetadata(Path file, String mediaType, Map<String, SpooledParts.Part> bulk, String study)
            throws IOException {
        BulkDataResolver resolver = (uri, tag, vr) -> {
            SpooledParts.Part part = bulk.get(uri);
            if (part == null) {
                throw new ModelFormatException(String.format("element %08X refers to bulk data %s, which no part"
                        + " of the request has as Content-Location", tag, uri));
            }
            if (!OCTET_STREAM.equals(part.mediaType())) {
                throw new ModelFormatException("bulk data part " + uri + " is " + part.mediaType()
                        + "; only application/octet-stream (uncompressed) bulk data is taken");
            }
            return BulkData.of(part.file(), 0, Files.size(part.file()), false);
        };
        List<Dataset> datasets;
        try {
            datasets = DicomModelEntity.XML.equals(mediaType) ? List.of(readXml(file, resolver)) : readJson(file, resolver);
        } catch (IOException e) {
            return List.of(StowOutcome.failed(null, null, Status.UNABLE_TO_PROCESS, "cannot parse: " + e.getMessage()));
        }
        List<StowOutcome> outcomes = new ArrayList<>();
        int n = 0;
        for (Dataset dataset : datasets) {
            outcomes.add(storeDataset(dataset, file.resolveSibling(file.getFileName() + "-" + n++ + ".dcm"), study));
        }
        return outcomes;
    }

    private StowOutcome storeDataset(Dataset dataset, Path encoded, String study) throws IOException {
        String cuid = dataset.getString(Tags.SOPClassUID);
        String iuid = dataset.getString(Tags.SOPInstanceUID);
        if (isEmpty(cuid) || isEmpty(iuid)) {
            return StowOutcome.failed(cuid, iuid, Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                    "data set lacks its SOP Class or SOP Instance UID");
        }
        List<Integer> metaTags = new ArrayList<>();
        for (int i = 0; i < dataset.size(); i++) {
            if (dataset.tagAt(i) >>> 16 == 0x0002) {
                metaTags.add(dataset.tagAt(i)); // File Meta Information is the store's to write, not the data set's
            }
        }
        metaTags.forEach(dataset::remove);
        try (OutputStream out = Files.newOutputStream(encoded)) {
            DicomWriter.writeDataset(out, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        } catch (IOException e) {
            return StowOutcome.failed(cuid, iuid, Status.UNABLE_TO_PROCESS, "cannot encode: " + e.getMessage());
        }
        return store(new StoreRequest(cuid, iuid, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), null), dataset,
                encoded, 0, study);
    }

    private StowOutcome store(StoreRequest request, Dataset header, Path file, long datasetOffset, String study)
            throws IOException {
        String studyUid = header.getString(Tags.StudyInstanceUID);
        if (study != null && !study.equals(studyUid)) {
            return StowOutcome.failed(request.sopClassUid(), request.sopInstanceUid(),
                    Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                    "Study Instance UID " + studyUid + " is not the study of the request, " + study);
        }
        StoreResult result;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(datasetOffset);
            result = store.store(request, in);
        }
        if (!result.isSuccess()) {
            return StowOutcome.failed(request.sopClassUid(), request.sopInstanceUid(), result.status(), result.comment());
        }
        return StowOutcome.stored(request.sopClassUid(), request.sopInstanceUid(), studyUid,
                header.getString(Tags.SeriesInstanceUID));
    }

    private static Dataset readXml(Path file, BulkDataResolver resolver) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new DicomXmlReader(resolver).readDataset(in);
        }
    }

    /** A JSON part holds one data set object or an array of them. */
    private static List<Dataset> readJson(Path file, BulkDataResolver resolver) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            BufferedReader reader = (BufferedReader) in;
            reader.mark(1);
            int c;
            while ((c = reader.read()) == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xFEFF) {
                reader.mark(1);
            }
            reader.reset();
            DicomJsonReader json = new DicomJsonReader(reader, resolver);
            return c == '[' ? json.readDatasets() : List.of(json.readDataset());
        }
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
