package org.strata.ejb.query;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.Status;
import org.strata.persistence.index.Instance;
import org.strata.persistence.index.Patient;
import org.strata.persistence.index.Series;
import org.strata.persistence.index.Study;

/**
 * C-FIND of the Patient Root and Study Root Query/Retrieve information models, answered from the index alone:
 * the identifier becomes one JPQL query, and each match becomes a response holding just the requested keys.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class QueryService {
    /** The C-FIND SOP classes this service answers. */
    public static final Set<String> SOP_CLASSES = Set.of(UIDs.PatientRootQueryRetrieveInformationModelFind,
            UIDs.StudyRootQueryRetrieveInformationModelFind);

    @PersistenceContext(unitName = "strata")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "strata.query.case-insensitive-names", defaultValue = "true")
    boolean caseInsensitiveNames;

    /** How many matches are read from the index at a time, so a query's memory stays bounded. */
    @Inject
    @ConfigProperty(name = "strata.query.page-size", defaultValue = "200")
    int pageSize;

    /** How many matches {@link #find} returns at most: fewer means the last page. */
    public int pageSize() {
        return Math.max(1, pageSize); // a page of none would never end a query
    }

    /**
     * One page of the responses to a C-FIND identifier, in index order (new objects only ever come after).
     *
     * @param first how many matches earlier pages held
     * @param retrieveAeTitle the archive's AE title, returned as Retrieve AE Title
     * @throws QueryRefusedException when the identifier does not fit the information model or holds an invalid value
     */
    public List<Dataset> find(String sopClassUid, Dataset identifier, String retrieveAeTitle, int first)
            throws QueryRefusedException {
        boolean studyRoot = UIDs.StudyRootQueryRetrieveInformationModelFind.equals(sopClassUid);
        QueryLevel level = level(identifier, studyRoot);
        requireUniqueKeysAbove(identifier, level, studyRoot);

        StringBuilder jpql = new StringBuilder(select(level));
        Map<String, Object> parameters = new HashMap<>();
        DateTimeRange studyDateTime = DateTimeRange.of(identifier.getString(Tags.StudyDate),
                identifier.getString(Tags.StudyTime));
        for (int tag : identifier.tags()) {
            QueryKey key = QueryKey.of(tag);
            boolean combined = studyDateTime != null && (key == QueryKey.STUDY_DATE || key == QueryKey.STUDY_TIME);
            if (key != null && key.level.compareTo(level) <= 0 && !combined) {
                where(key, identifier, jpql, parameters);
            }
        }
        if (studyDateTime != null && QueryLevel.STUDY.compareTo(level) <= 0) {
            jpql.append(studyDateTime.jpql(QueryKey.STUDY_DATE.path, QueryKey.STUDY_TIME.path, "dt", parameters));
        }
        jpql.append(" ORDER BY ").append(alias(level)).append(".pk");
        Query query = em.createQuery(jpql.toString());
        parameters.forEach(query::setParameter);
        query.setFirstResult(first).setMaxResults(pageSize());

        List<Dataset> responses = new ArrayList<>();
        for (Object row : query.getResultList()) {
            responses.add(response(identifier, level, match(row), retrieveAeTitle));
        }
        return responses;
    }

    private static QueryLevel level(Dataset identifier, boolean studyRoot) throws QueryRefusedException {
        String value = identifier.getString(Tags.QueryRetrieveLevel);
        if (value == null) {
            throw new QueryRefusedException(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                    "identifier has no QueryRetrieveLevel (0008,0052)");
        }
        QueryLevel level = QueryLevel.of(value.strip());
        if (level == null || (studyRoot && level == QueryLevel.PATIENT)) {
            throw new QueryRefusedException(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                    "QueryRetrieveLevel " + value + " is not a level of " + (studyRoot ? "Study" : "Patient") + " Root");
        }
        return level;
    }

    /** Hierarchical search: every level above the query level is pinned by its unique key (PS3.4 C.4.1.2.2). */
    private static void requireUniqueKeysAbove(Dataset identifier, QueryLevel level, boolean studyRoot)
            throws QueryRefusedException {
        List<QueryKey> required = new ArrayList<>();
        if (!studyRoot && level.compareTo(QueryLevel.PATIENT) > 0) {
            required.add(QueryKey.PATIENT_ID);
        }
        if (level.compareTo(QueryLevel.STUDY) > 0) {
            required.add(QueryKey.STUDY_INSTANCE_UID);
        }
        if (level.compareTo(QueryLevel.SERIES) > 0) {
            required.add(QueryKey.SERIES_INSTANCE_UID);
        }
        for (QueryKey key : required) {
            String value = identifier.getString(key.tag);
            if (value == null || value.contains("*") || value.contains("?")) {
                throw new QueryRefusedException(Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, String.format(
                        "%s level needs a value of (%04X,%04X)", level, key.tag >>> 16, key.tag & 0xFFFF));
            }
        }
    }

    private static String select(QueryLevel level) {
        return switch (level) {
            case PATIENT -> "SELECT p FROM Patient p WHERE 1 = 1";
            case STUDY -> "SELECT p, st FROM Study st JOIN st.patient p WHERE 1 = 1";
            case SERIES -> "SELECT p, st, se FROM Series se JOIN se.study st JOIN st.patient p WHERE 1 = 1";
            case IMAGE -> "SELECT p, st, se, i FROM Instance i JOIN i.series se JOIN se.study st JOIN st.patient p"
                    + " WHERE 1 = 1";
        };
    }

    private static String alias(QueryLevel level) {
        return switch (level) {
            case PATIENT -> "p";
            case STUDY -> "st";
            case SERIES -> "se";
            case IMAGE -> "i";
        };
    }

    private static Match match(Object row) {
        Object[] entities = row instanceof Object[] a ? a : new Object[] {row};
        return new Match((Patient) entities[0], entities.length > 1 ? (Study) entities[1] : null,
                entities.length > 2 ? (Series) entities[2] : null, entities.length > 3 ? (Instance) entities[3] : null);
    }

    /** Adds the condition of one key; universal matching adds none. */
    private void where(QueryKey key, Dataset identifier, StringBuilder jpql, Map<String, Object> parameters)
            throws QueryRefusedException {
        String p = "k" + parameters.size();
        if (key == QueryKey.MODALITIES_IN_STUDY) {
            List<String> modalities = List.of(identifier.getStrings(key.tag)).stream()
                    .map(String::strip).filter(m -> !m.isEmpty() && !m.equals("*")).toList();
            if (!modalities.isEmpty()) {
                jpql.append(" AND EXISTS (SELECT ms FROM Series ms WHERE ms.study = st AND ms.modality IN :")
                        .append(p).append(')');
                parameters.put(p, modalities);
            }
            return;
        }
        if (key.kind == QueryKey.Kind.COMPUTED) {
            return; // counts are returned, not matched
        }
        String value = identifier.getString(key.tag);
        KeyMatch match = switch (key.kind) {
            case UID -> KeyMatch.uids(identifier.getStrings(key.tag));
            case DATE -> KeyMatch.dateOrTime(value, false);
            case TIME -> KeyMatch.dateOrTime(value, true);
            default -> KeyMatch.text(value);
        };
        String path = key.path;
        if (key.kind == QueryKey.Kind.NAME && caseInsensitiveNames) {
            path = key == QueryKey.PATIENT_NAME ? "p.patientNameMatch" : "UPPER(" + path + ")";
            match = upperCase(match);
        }
        if (match instanceof KeyMatch.Single s) {
            jpql.append(" AND ").append(path).append(" = :").append(p);
            parameters.put(p, key.kind == QueryKey.Kind.NUMBER ? number(key, s.value()) : s.value());
        } else if (match instanceof KeyMatch.UidList l) {
            jpql.append(" AND ").append(path).append(" IN :").append(p);
            parameters.put(p, l.uids());
        } else if (match instanceof KeyMatch.Wildcard w) {
            if (key.kind == QueryKey.Kind.NUMBER) {
                throw invalid(key, value);
            }
            jpql.append(" AND ").append(path).append(" LIKE :").append(p).append(" ESCAPE '")
                    .append(KeyMatch.LIKE_ESCAPE).append('\'');
            parameters.put(p, w.likePattern());
        } else if (match instanceof KeyMatch.Range r) {
            r.appendJpql(path, p, jpql, parameters);
        }
    }

    private static KeyMatch upperCase(KeyMatch match) {
        if (match instanceof KeyMatch.Single s) {
            return new KeyMatch.Single(s.value().toUpperCase(Locale.ROOT));
        }
        if (match instanceof KeyMatch.Wildcard w) {
            return new KeyMatch.Wildcard(w.likePattern().toUpperCase(Locale.ROOT));
        }
        return match;
    }

    private static Integer number(QueryKey key, String value) throws QueryRefusedException {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(key, value);
        }
    }

    private static QueryRefusedException invalid(QueryKey key, String value) {
        return new QueryRefusedException(Status.UNABLE_TO_PROCESS, String.format("(%04X,%04X) is not a number: %s",
                key.tag >>> 16, key.tag & 0xFFFF, value));
    }

    /** The requested keys with this match's values; keys the index does not hold are returned empty. */
    private Dataset response(Dataset identifier, QueryLevel level, Match match, String retrieveAeTitle) {
        Dataset response = new Dataset();
        boolean ascii = true;
        for (int tag : identifier.tags()) {
            boolean groupLength = (tag & 0xFFFF) == 0;
            if (groupLength || tag == Tags.SpecificCharacterSet || tag == Tags.QueryRetrieveLevel
                    || tag == Tags.RetrieveAETitle) {
                continue;
            }
            VR vr = identifier.vr(tag);
            QueryKey key = QueryKey.of(tag);
            String[] values = key == null || !returnable(key, level) ? new String[0] : values(key, match);
            if (values.length == 0 || vr == VR.SQ) {
                response.put(tag, vr, null);
            } else {
                response.setString(tag, vr, values);
                for (String v : values) {
                    ascii &= v.chars().allMatch(c -> c < 0x80);
                }
            }
        }
        if (!ascii) {
            response.setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        }
        response.setString(Tags.QueryRetrieveLevel, VR.CS, level.name());
        response.setString(Tags.RetrieveAETitle, VR.AE, retrieveAeTitle);
        return response;
    }

    /** Attributes of the query level and above; computed ones only at their own level. */
    private static boolean returnable(QueryKey key, QueryLevel level) {
        return key.kind == QueryKey.Kind.COMPUTED ? key.level == level : key.level.compareTo(level) <= 0;
    }

    private String[] values(QueryKey key, Match match) {
        return switch (key) {
            case NUMBER_OF_PATIENT_RELATED_STUDIES -> count("SELECT COUNT(s) FROM Study s WHERE s.patient = :e",
                    match.patient());
            case NUMBER_OF_STUDY_RELATED_SERIES -> count("SELECT COUNT(s) FROM Series s WHERE s.study = :e",
                    match.study());
            case NUMBER_OF_STUDY_RELATED_INSTANCES -> count(
                    "SELECT COUNT(i) FROM Instance i WHERE i.series.study = :e", match.study());
            case NUMBER_OF_SERIES_RELATED_INSTANCES -> count("SELECT COUNT(i) FROM Instance i WHERE i.series = :e",
                    match.series());
            case MODALITIES_IN_STUDY -> em.createQuery("SELECT DISTINCT s.modality FROM Series s WHERE s.study = :e"
                            + " AND s.modality IS NOT NULL ORDER BY s.modality", String.class)
                    .setParameter("e", match.study()).getResultList().toArray(String[]::new);
            default -> {
                Object value = key.valueOf(match);
                yield value == null ? new String[0] : new String[] {value.toString()};
            }
        };
    }

    private String[] count(String jpql, Object entity) {
        return new String[] {em.createQuery(jpql, Long.class).setParameter("e", entity).getSingleResult().toString()};
    }
}
