package org.strata.ejb.store;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
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
import org.strata.ejb.storage.StorageSystems;
import org.strata.persistence.index.Instance;
import org.strata.persistence.index.StoredFile;

/**
 * Stores one object, for C-STORE and STOW-RS alike: the bytes go to the hot tier and are synced, the header is
 * parsed once and checked, the index commits, the file is renamed into place, and only then is success answered.
 * A refusal leaves nothing behind.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the index transaction is IndexWriter's own
public class StoreService {
    private static final Logger LOG = Logger.getLogger(StoreService.class.getName());
    /** Two senders creating the same new study, series or instance at once: one insert loses, and is retried. */
    private static final int INDEX_ATTEMPTS = 3;

    @Inject
    HotTier hot;

    @EJB
    IndexWriter index;

    @EJB
    MetadataService metadata;

    @Inject
    StorageSystems systems;

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
        ReceivedFile file;
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

    private StoreResult index(StoreRequest request, ReceivedFile file) throws IOException {
        Dataset header;
        try (DicomReader reader = new DicomReader(file.part())) {
            // large values stay in the file: the header copy leaves them out
            header = reader.bulkDataReferences(true).bulkDataThreshold(StoredHeader.LARGEST_KEPT_VALUE).readFile()
                    .dataset();
        } catch (DicomParseException e) {
            return StoreResult.refused(Status.UNABLE_TO_PROCESS, "cannot parse: " + e.getMessage());
        }
        String mismatch = mismatch(request, header);
        if (mismatch != null) {
            return StoreResult.refused(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, mismatch);
        }
        String study = header.getString(Tags.StudyInstanceUID);
        String series = header.getString(Tags.SeriesInstanceUID);
        byte[] storedHeader = null; // encoded once, and only for an object that gets indexed
        for (int attempt = 1; ; attempt++) {
            Instance current = index.find(request.sopInstanceUid());
            if (current != null) {
                if (current.getFile().getSha256().equals(file.sha256())) {
                    return new StoreResult(StoreResult.Outcome.ALREADY_STORED, Status.SUCCESS, null);
                }
                if (duplicates == DuplicatePolicy.REJECT) {
                    return StoreResult.refused(Status.DUPLICATE_SOP_INSTANCE,
                            "another object with this SOP Instance UID is stored");
                }
            }
            if (storedHeader == null) {
                try {
                    storedHeader = StoredHeader.encode(header);
                } catch (DicomParseException e) {
                    return StoreResult.refused(Status.UNABLE_TO_PROCESS, "cannot parse: " + e.getMessage());
                }
            }
            String place = hot.placeFor(study, series, request.sopInstanceUid(), current != null);
            boolean keepEarlier = duplicates == DuplicatePolicy.KEEP_VERSIONS;
            try {
                index.index(header, storedHeader, request, file, place, current == null ? null : current.getPk(),
                        keepEarlier);
            } catch (EJBException e) {
                // Two senders storing the same new study, series or instance at once: one insert loses; the check
                // above runs again, as the winner may have stored this very object.
                if (attempt == INDEX_ATTEMPTS) {
                    throw e;
                }
                LOG.log(Level.FINE, "index attempt " + attempt + " for " + request.sopInstanceUid() + " lost a race", e);
                continue;
            }
            metadata.invalidate(study);
            hot.commit(file, place);
            if (current == null) {
                return new StoreResult(StoreResult.Outcome.STORED, Status.SUCCESS, null);
            }
            if (keepEarlier) {
                return new StoreResult(StoreResult.Outcome.VERSIONED, Status.SUCCESS, null);
            }
            deleteReplaced(current.getFile());
            return new StoreResult(StoreResult.Outcome.REPLACED, Status.SUCCESS, null);
        }
    }

    /** Removes a replaced object from the system it is on; the store has succeeded whatever happens here. */
    private void deleteReplaced(StoredFile replaced) {
        try {
            systems.get(replaced.getStorageId()).delete(replaced.getPath());
        } catch (IOException e) {
            LOG.warning("cannot delete the replaced object " + replaced.getPath() + " from '"
                    + replaced.getStorageId() + "' (the orphan sweep will): " + e.getMessage());
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
