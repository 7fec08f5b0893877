package org.strata.ejb.worklist;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.strata.dicom.data.Dataset;
import org.strata.persistence.worklist.ScheduledProcedureStep;

/** The Modality Worklist as administrators keep it: add an entry, list, read one, cancel one. */
@Stateless
public class WorklistRegistry {
    /** One scheduled procedure step as the admin API lists it. */
    public record Summary(long id, String status, String patientId, String patientName, String accessionNumber,
            String requestedProcedureId, String stepId, String stationAeTitle, String modality, String startDate,
            String startTime, String studyInstanceUid) {
    }

    /** The entry's Requested Procedure ID and SPS ID are taken by another entry. */
    public static final class DuplicateEntryException extends Exception {
        DuplicateEntryException(String message) {
            super(message);
        }
    }

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    /** Adds a SCHEDULED entry. */
    public Summary create(Dataset item) throws InvalidWorklistEntryException, DuplicateEntryException {
        ScheduledProcedureStep row = WorklistEntry.row(item);
        boolean taken = !em.createQuery("SELECT s.pk FROM ScheduledProcedureStep s WHERE s.requestedProcedureId = :rp"
                        + " AND s.stepId = :sps", Long.class)
                .setParameter("rp", row.getRequestedProcedureId()).setParameter("sps", row.getStepId())
                .getResultList().isEmpty();
        if (taken) {
            throw new DuplicateEntryException("requested procedure " + row.getRequestedProcedureId()
                    + " already has a scheduled procedure step " + row.getStepId());
        }
        row.setCreatedAt(Instant.now());
        row.setUpdatedAt(row.getCreatedAt());
        em.persist(row);
        em.flush(); // assigns the id
        return summary(row);
    }

    /** Every entry, oldest first; a start date (YYYYMMDD) or a station AE title narrows the list when given. */
    public List<Summary> list(String startDate, String stationAeTitle) {
        StringBuilder jpql = new StringBuilder("SELECT s FROM ScheduledProcedureStep s WHERE 1 = 1");
        if (startDate != null) {
            jpql.append(" AND s.startDate = :date");
        }
        if (stationAeTitle != null) {
            jpql.append(" AND s.stationAeTitle = :station");
        }
        TypedQuery<ScheduledProcedureStep> query = em.createQuery(jpql.append(" ORDER BY s.pk").toString(),
                ScheduledProcedureStep.class);
        if (startDate != null) {
            query.setParameter("date", startDate);
        }
        if (stationAeTitle != null) {
            query.setParameter("station", stationAeTitle);
        }
        return query.getResultList().stream().map(WorklistRegistry::summary).toList();
    }

    /** The stored worklist item of an entry. */
    public Optional<Dataset> item(long id) {
        return Optional.ofNullable(em.find(ScheduledProcedureStep.class, id)).map(WorklistEntry::item);
    }

    /** Cancels an entry (again: no change); false when there is none of that id. */
    public boolean cancel(long id) {
        ScheduledProcedureStep row = em.find(ScheduledProcedureStep.class, id);
        if (row == null) {
            return false;
        }
        if (!ScheduledProcedureStep.CANCELLED.equals(row.getStatus())) {
            row.setStatus(ScheduledProcedureStep.CANCELLED);
            row.setUpdatedAt(Instant.now());
        }
        return true;
    }

    private static Summary summary(ScheduledProcedureStep s) {
        return new Summary(s.getPk(), s.getStatus(), s.getPatientId(), s.getPatientName(), s.getAccessionNumber(),
                s.getRequestedProcedureId(), s.getStepId(), s.getStationAeTitle(), s.getModality(), s.getStartDate(),
                s.getStartTime(), s.getStudyInstanceUid());
    }
}
