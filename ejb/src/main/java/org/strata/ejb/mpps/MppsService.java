package org.strata.ejb.mpps;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dimse.Command;
import org.strata.dicom.dimse.DimseRequest;
import org.strata.dicom.dimse.Status;
import org.strata.ejb.dimse.DimseRefusal;

/**
 * Modality Performed Procedure Step SCP (PS3.4 Annex F.7): N-CREATE a step IN PROGRESS, N-SET it while it is IN
 * PROGRESS, to COMPLETED or DISCONTINUED. Answers only after the change is committed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MppsService {
    private static final Logger LOG = Logger.getLogger(MppsService.class.getName());
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    @EJB
    MppsStore store;

    /** N-CREATE; an instance UID the modality leaves out is assigned here and returned in the response. */
    public void nCreate(DimseRequest request) throws IOException {
        String given = request.command().sopInstanceUid();
        String uid = given != null ? given : "2.25." + new BigInteger(1, ByteBuffer.allocate(16)
                .putLong(UUID.randomUUID().getMostSignificantBits())
                .putLong(UUID.randomUUID().getLeastSignificantBits()).array());
        if (perform(request, uid, "N-CREATE", attributes -> store.create(uid, attributes))) {
            Command response = request.command().response(Status.SUCCESS, false);
            response.setString(Command.AFFECTED_SOP_INSTANCE_UID, uid);
            request.respond(response, null);
        }
    }

    /** N-SET of the modification list. */
    public void nSet(DimseRequest request) throws IOException {
        String uid = request.command().sopInstanceUid();
        if (perform(request, uid, "N-SET", modifications -> store.set(uid, modifications))) {
            request.respond(Status.SUCCESS);
        }
    }

    /** A change of the mpps table made with the request's data set. */
    private interface Change {
        void apply(Dataset dataset) throws DimseRefusal, IOException;
    }

    /** Applies the change; false after answering a refusal or failure. */
    private boolean perform(DimseRequest request, String uid, String operation, Change change) throws IOException {
        Dataset dataset = attributes(request, uid);
        if (dataset == null) {
            return false;
        }
        try {
            change.apply(dataset);
            return true;
        } catch (DimseRefusal e) {
            request.respondError(e.status(), e.getMessage());
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "MPPS " + operation + " of " + uid + " failed", e);
            request.respondError(Status.PROCESSING_FAILURE, operation + " could not be stored");
        }
        return false;
    }

    /** The request's data set, or null after refusing a bad instance UID or an unreadable or absent data set. */
    private static Dataset attributes(DimseRequest request, String uid) throws IOException {
        if (uid == null || uid.length() > 64 || !UID.matcher(uid).matches()) {
            request.respondError(Status.INVALID_OBJECT_INSTANCE, "invalid SOP Instance UID " + uid);
            return null;
        }
        try {
            Dataset attributes = request.dataset();
            if (attributes == null) {
                request.respondError(Status.MISSING_ATTRIBUTE, "no attribute list");
            }
            return attributes;
        } catch (IOException e) {
            request.respondError(Status.INVALID_ATTRIBUTE_VALUE, "unreadable attribute list: " + e.getMessage());
            return null;
        }
    }
}
