package org.strata.ejb.mpps;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dimse.Status;
import org.strata.ejb.dimse.DimseRefusal;
import org.strata.persistence.mpps.PerformedProcedureStep;

/** The mpps table: creates a step, and changes one under a row lock so two N-SETs cannot both pass the rules. */
@Stateless
public class MppsStore {
    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    public void create(String sopInstanceUid, Dataset attributes) throws DimseRefusal, IOException {
        String status = MppsRules.statusOfCreate(attributes);
        if (!find(sopInstanceUid, LockModeType.NONE).isEmpty()) {
            throw new DimseRefusal(Status.DUPLICATE_SOP_INSTANCE,
                    "performed procedure step " + sopInstanceUid + " exists already");
        }
        PerformedProcedureStep step = new PerformedProcedureStep();
        step.setSopInstanceUid(sopInstanceUid);
        step.setCreatedAt(Instant.now());
        write(step, status, attributes);
        em.persist(step);
    }

    public void set(String sopInstanceUid, Dataset modifications) throws DimseRefusal, IOException {
        List<PerformedProcedureStep> found = find(sopInstanceUid, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            throw new DimseRefusal(Status.NO_SUCH_SOP_INSTANCE,
                    "no performed procedure step " + sopInstanceUid);
        }
        PerformedProcedureStep step = found.get(0);
        Dataset merged = MppsRules.applySet(step.getStatus(), MppsRules.decode(step.getAttributes()), modifications);
        write(step, MppsRules.statusOf(merged), merged);
    }

    private List<PerformedProcedureStep> find(String sopInstanceUid, LockModeType lock) {
        return em.createQuery("SELECT m FROM PerformedProcedureStep m WHERE m.sopInstanceUid = :uid",
                PerformedProcedureStep.class).setParameter("uid", sopInstanceUid).setLockMode(lock).getResultList();
    }

    private static void write(PerformedProcedureStep step, String status, Dataset attributes)
            throws DimseRefusal, IOException {
        String studyUid = MppsRules.studyUidOf(attributes);
        if (studyUid != null && studyUid.length() > 64) {
            throw new DimseRefusal(Status.INVALID_ATTRIBUTE_VALUE, "Study Instance UID too long");
        }
        step.setStatus(status);
        step.setStudyInstanceUid(studyUid);
        step.setAttributes(MppsRules.encode(attributes));
        step.setUpdatedAt(Instant.now());
    }
}
