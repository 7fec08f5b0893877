package org.strata.ejb.store;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dimse.Status;
import org.strata.dicom.io.DicomParseException;
import org.strata.dicom.io.DicomReader;
import org.strata.ejb.metadata.MetadataService;
import org.strata.ejb.metadata.StoredHeader;
import org.strata.persistence.index.Instance;

/**
 * Stores one object, for C-STORE and STOW-RS alike: the bytes go to the hot tier and are synced, the header is
 * parsed once and checked, the index commits, the file is renamed into place, and only then is success answered.
 * A refusal leaves nothing behind.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the index transaction is IndexWriter's own
public class StoreService {
    private static final Logger LOG = Logger.getLogger(StoreService.class.getName());
    /** Two senders creating the same new study or series at once: one insert loses, and is simply retried. */
    private static final int INDEX_ATTEMPTS = 3;

    @Inject
    HotTier hot;

    @EJB
    IndexWriter index;

    @EJB
    MetadataService metadata;

    @Inject
    @ConfigProperty(name = "strata.store.duplicates", defaultValue = "REJECT")
    DuplicatePolicy duplicates;

    /**
     * @param dataset the data set bytes (no File Meta Information) in the request's transfer syntax, read to its end
     * @throws IOException when the data set cannot be read from the sender (the connection broke)
     */
    public StoreResult store(StoreRequest request, InputStream dataset) throws IOException {
        String refusal = hot.refusal();
        if (refusal != null) {
            return StoreResult.refused(Status.OUT_OF_RESOURCES, refusal);
        }
        StoredFile file;
        try {
            file = hot.write(request, dataset);
        } catch (HotTier.InvalidUidException e) {
            return StoreResult.refused(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, e.getMessage());
        }
        try {
            StoreResult result = index(request, file);
            if (!result.isSuccess() || result.outcome() == StoreResult.Outcome.ALREADY_STORED) {
                hot.discard(file);
            }
            return result;
        } catch (IOException | RuntimeException e) {
            hot.discard(file);
            throw e;
        }
    }

    private StoreResult index(StoreRequest request, StoredFile file) throws IOException {
        Dataset header;
        byte[] storedHeader;
        try (DicomReader reader = new DicomReader(file.part())) {
            // large values stay in the file: the header copy leaves them out
            header = reader.bulkDataReferences(true).bulkDataThreshold(StoredHeader.LARGEST_KEPT_VALUE).readFile()
                    .dataset();
            storedHeader = StoredHeader.encode(header);
        } catch (DicomParseException e) {
            return StoreResult.refused(Status.UNABLE_TO_PROCESS, "cannot parse: " + e.getMessage());
        }
        String mismatch = mismatch(request, header);
        if (mismatch != null) {
            return StoreResult.refused(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, mismatch);
        }
        Instance existing = index.find(request.sopInstanceUid());
        String replaced = null;
        if (existing != null) {
            if (existing.getSha256().equals(file.sha256())) {
                return new StoreResult(StoreResult.Outcome.ALREADY_STORED, Status.SUCCESS, null);
            }
            if (duplicates == DuplicatePolicy.REJECT) {
                return StoreResult.refused(Status.DUPLICATE_SOP_INSTANCE,
                        "another object with this SOP Instance UID is stored");
            }
            replaced = existing.getStoragePath();
        }
        String place = hot.placeFor(header.getString(Tags.StudyInstanceUID), header.getString(Tags.SeriesInstanceUID),
                request.sopInstanceUid());
        boolean keepEarlier = duplicates == DuplicatePolicy.KEEP_VERSIONS;
        indexWithRetry(header, storedHeader, request, file, place, keepEarlier);
        metadata.invalidate(header.getString(Tags.StudyInstanceUID));
        hot.commit(file, place);
        if (replaced != null) {
            if (keepEarlier) {
                return new StoreResult(StoreResult.Outcome.VERSIONED, Status.SUCCESS, null);
            }
            Files.deleteIfExists(hot.root().resolve(replaced));
            return new StoreResult(StoreResult.Outcome.REPLACED, Status.SUCCESS, null);
        }
        return new StoreResult(StoreResult.Outcome.STORED, Status.SUCCESS, null);
    }

    private void indexWithRetry(Dataset header, byte[] storedHeader, StoreRequest request, StoredFile file,
            String place, boolean keepEarlier) {
        for (int attempt = 1; ; attempt++) {
            try {
                index.index(header, storedHeader, request, file, place, keepEarlier);
                return;
            } catch (EJBException e) {
                if (attempt == INDEX_ATTEMPTS) {
                    throw e;
                }
                LOG.log(Level.FINE, "index attempt " + attempt + " for " + request.sopInstanceUid() + " lost a race", e);
            }
        }
    }

    /** Why the data set does not fit what the sender declared, or null if it does. */
    private static String mismatch(StoreRequest request, Dataset header) {
        String iuid = header.getString(Tags.SOPInstanceUID);
        if (iuid == null) {
            return "data set has no SOP Instance UID";
        }
        if (!iuid.equals(request.sopInstanceUid())) {
            return "SOP Instance UID in data set differs from the request";
        }
        String cuid = header.getString(Tags.SOPClassUID);
        if (cuid != null && !cuid.equals(request.sopClassUid())) {
            return "SOP Class UID in data set differs from the request";
        }
        if (header.getString(Tags.StudyInstanceUID) == null) {
            return "data set has no Study Instance UID";
        }
        if (header.getString(Tags.SeriesInstanceUID) == null) {
            return "data set has no Series Instance UID";
        }
        return null;
    }
}
