package org.strata.ejb.worklist;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dimse.DimseRequest;
import org.strata.dicom.dimse.Status;
import org.strata.dicom.io.DicomParseException;
import org.strata.ejb.query.KeyMatch;
import org.strata.persistence.worklist.ScheduledProcedureStep;

/**
 * Modality Worklist Information Model - FIND SCP (PS3.4 K): the scheduled steps are read page by page from the
 * worklist table, narrowed in SQL by the keys that have a column and an exact or range value, then matched fully
 * against each stored item; every match is answered as a pending response. A C-CANCEL stops before the next match.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class WorklistService {
    @PersistenceContext(unitName = "strata")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "strata.query.case-insensitive-names", defaultValue = "true")
    boolean caseInsensitiveNames;

    @Inject
    @ConfigProperty(name = "strata.query.page-size", defaultValue = "200")
    int pageSize;

    public void find(DimseRequest request) throws IOException {
        Dataset keys;
        try {
            keys = request.data() == null ? null : request.dataset();
        } catch (DicomParseException e) {
            request.respondError(Status.UNABLE_TO_PROCESS, "cannot parse identifier: " + e.getMessage());
            return;
        }
        if (keys == null) {
            request.respondError(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "C-FIND without identifier");
            return;
        }
        WorklistMatcher matcher = new WorklistMatcher(caseInsensitiveNames);
        int page = Math.max(1, pageSize); // a page of none would never end a query
        for (int first = 0; ; first += page) {
            List<ScheduledProcedureStep> rows = candidates(keys, first, page);
            for (ScheduledProcedureStep row : rows) {
                Dataset item = WorklistEntry.item(row);
                if (!matcher.matches(keys, item)) {
                    continue;
                }
                if (request.isCancelled()) {
                    request.respond(Status.CANCEL);
                    return;
                }
                request.respond(Status.PENDING, matcher.response(keys, item));
            }
            if (rows.size() < page) {
                break;
            }
        }
        request.respond(request.isCancelled() ? Status.CANCEL : Status.SUCCESS);
    }

    /**
     * One page of the scheduled steps that may match: a superset of the matches, as only single values and date
     * ranges of case-sensitive keys with a column narrow it.
     */
    private List<ScheduledProcedureStep> candidates(Dataset keys, int first, int max) {
        StringBuilder jpql = new StringBuilder("SELECT s FROM ScheduledProcedureStep s WHERE s.status = :status");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("status", ScheduledProcedureStep.SCHEDULED);
        narrow(jpql, parameters, "s.patientId", KeyMatch.text(keys.getString(Tags.PatientID)));
        narrow(jpql, parameters, "s.accessionNumber", KeyMatch.text(keys.getString(Tags.AccessionNumber)));
        narrow(jpql, parameters, "s.requestedProcedureId", KeyMatch.text(keys.getString(Tags.RequestedProcedureID)));
        narrow(jpql, parameters, "s.studyInstanceUid", KeyMatch.uids(keys.getStrings(Tags.StudyInstanceUID)));
        Sequence steps = keys.getSequence(Tags.ScheduledProcedureStepSequence);
        if (steps != null && !steps.isEmpty()) {
            Dataset step = steps.get(0);
            narrow(jpql, parameters, "s.stationAeTitle", KeyMatch.text(step.getString(Tags.ScheduledStationAETitle)));
            narrow(jpql, parameters, "s.modality", KeyMatch.text(step.getString(Tags.Modality)));
            narrow(jpql, parameters, "s.stepId", KeyMatch.text(step.getString(Tags.ScheduledProcedureStepID)));
            narrow(jpql, parameters, "s.startDate",
                    KeyMatch.dateOrTime(step.getString(Tags.ScheduledProcedureStepStartDate), false));
        }
        TypedQuery<ScheduledProcedureStep> query = em.createQuery(jpql.append(" ORDER BY s.pk").toString(),
                ScheduledProcedureStep.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    private static void narrow(StringBuilder jpql, Map<String, Object> parameters, String path, KeyMatch match) {
        String p = "k" + parameters.size();
        if (match instanceof KeyMatch.Single s) {
            jpql.append(" AND ").append(path).append(" = :").append(p);
            parameters.put(p, s.value());
        } else if (match instanceof KeyMatch.Range r) {
            r.appendJpql(path, p, jpql, parameters);
        }
    }
}
