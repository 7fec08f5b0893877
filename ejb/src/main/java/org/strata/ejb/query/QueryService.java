package org.strata.ejb.query;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.ElementDictionary;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.dict.UIDs;
import org.strata.dicom.dimse.Status;
import org.strata.persistence.index.Instance;
import org.strata.persistence.index.Patient;
import org.strata.persistence.index.Series;
import org.strata.persistence.index.Study;

/**
 * C-FIND of the Patient Root and Study Root Query/Retrieve information models, and the searches of QIDO-RS: the
 * identifier becomes one JPQL query on the indexed attributes, and each match becomes a response holding just the
 * requested keys, taken from the index or, for attributes the index has no column for, from the stored header copy
 * of the matching instance (at higher levels, of the first instance of the series, study or patient).
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

    /** C-FIND compares person names by their phonetic keys ({@link FuzzyNames}). */
    @Inject
    @ConfigProperty(name = "strata.query.fuzzy-names", defaultValue = "false")
    boolean fuzzyNames;

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
        return find(level, identifier, new SearchOptions(fuzzyNames, false), retrieveAeTitle, first, pageSize());
    }

    /**
     * How a search differs from a plain C-FIND.
     *
     * @param fuzzyNames match person names by their phonetic keys
     * @param allAttributes return every indexed attribute of the query level and above besides the requested keys,
     *                      and at IMAGE level every attribute of the instance's stored header too
     */
    public record SearchOptions(boolean fuzzyNames, boolean allAttributes) {
    }

    /**
     * One page of the matches of a Study Root identifier, relationally: levels above the QueryRetrieveLevel need
     * not be pinned by their unique keys (QIDO-RS /series, /instances). The responses hold the requested keys and
     * the QueryRetrieveLevel, no Retrieve AE Title.
     *
     * @param first how many matches earlier pages held
     * @param max how many matches the caller still wants: the page holds at most that many, and at most
     *            {@link #pageSize()}
     * @throws QueryRefusedException when the identifier has no Study Root level or holds an invalid value
     */
    public List<Dataset> search(Dataset identifier, SearchOptions options, int first, int max)
            throws QueryRefusedException {
        return find(level(identifier, true), identifier, options, null, first, Math.min(max, pageSize()));
    }

    private List<Dataset> find(QueryLevel level, Dataset identifier, SearchOptions options, String retrieveAeTitle,
            int first, int max) throws QueryRefusedException {
        StringBuilder jpql = new StringBuilder(select(level));
        Map<String, Object> parameters = new HashMap<>();
        DateTimeRange studyDateTime = DateTimeRange.of(identifier.getString(Tags.StudyDate),
                identifier.getString(Tags.StudyTime));
        for (int tag : identifier.tags()) {
            QueryKey key = QueryKey.of(tag);
            boolean combined = studyDateTime != null && (key == QueryKey.STUDY_DATE || key == QueryKey.STUDY_TIME);
            if (key != null && key.level.compareTo(level) <= 0 && !combined) {
                where(key, identifier, options.fuzzyNames(), jpql, parameters);
            }
        }
        if (studyDateTime != null && QueryLevel.STUDY.compareTo(level) <= 0) {
            jpql.append(studyDateTime.jpql(QueryKey.STUDY_DATE.path, QueryKey.STUDY_TIME.path, "dt", parameters));
        }
        jpql.append(" ORDER BY ").append(alias(level)).append(".pk");
        Query query = em.createQuery(jpql.toString());
        parameters.forEach(query::setParameter);
        query.setFirstResult(first).setMaxResults(Math.max(1, max));

        List<Match> matches = new ArrayList<>();
        for (Object row : query.getResultList()) {
            matches.add(match(row));
        }
        PageAttributes page = PageAttributes.read(em, level, matches,
                computedKeys(identifier, level, options.allAttributes()),
                needsHeaders(identifier, level, options.allAttributes()));
        List<Dataset> responses = new ArrayList<>();
        for (Match match : matches) {
            responses.add(response(identifier, level, match, page, options.allAttributes(), retrieveAeTitle));
        }
        return responses;
    }

    /** The computed keys the responses return: those requested, and with all attributes every one of the level. */
    private static Set<QueryKey> computedKeys(Dataset identifier, QueryLevel level, boolean allAttributes) {
        Set<QueryKey> keys = EnumSet.noneOf(QueryKey.class);
        for (QueryKey key : QueryKey.values()) {
            if (key.kind == QueryKey.Kind.COMPUTED && returnable(key, level)
                    && (allAttributes || identifier.contains(key.tag))) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Whether a response takes attributes from the stored header: a requested key the index has no column for. */
    private static boolean needsHeaders(Dataset identifier, QueryLevel level, boolean allAttributes) {
        if (allAttributes && level == QueryLevel.IMAGE) {
            return true;
        }
        for (int tag : identifier.tags()) {
            if (!notReturned(tag) && QueryKey.of(tag) == null) {
                return true;
            }
        }
        return false;
    }

    /** Elements of an identifier that are not keys of the response's attributes. */
    private static boolean notReturned(int tag) {
        return (tag & 0xFFFF) == 0 || tag == Tags.SpecificCharacterSet || tag == Tags.QueryRetrieveLevel
                || tag == Tags.RetrieveAETitle;
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
    private void where(QueryKey key, Dataset identifier, boolean fuzzy, StringBuilder jpql,
            Map<String, Object> parameters) throws QueryRefusedException {
        String p = "k" + parameters.size();
        if (fuzzy && key == QueryKey.PATIENT_NAME && fuzzyNameWhere(identifier.getString(key.tag), jpql, parameters)) {
            return;
        }
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

    /**
     * Fuzzy matching of a patient name without wildcards: every phonetic key of the value must be among the
     * patient's. A value with wildcards is matched as usual (false).
     */
    private static boolean fuzzyNameWhere(String value, StringBuilder jpql, Map<String, Object> parameters) {
        if (value == null || value.indexOf('*') >= 0 || value.indexOf('?') >= 0) {
            return false;
        }
        for (String code : FuzzyNames.codesOf(value)) {
            String p = "k" + parameters.size();
            jpql.append(" AND p.patientNameFuzzy LIKE :").append(p);
            parameters.put(p, "% " + code + " %");
        }
        return true;
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

    /**
     * The requested keys with this match's values: from the index, or else from the stored header; keys neither
     * holds are returned empty.
     */
    private static Dataset response(Dataset identifier, QueryLevel level, Match match, PageAttributes page,
            boolean allAttributes, String retrieveAeTitle) {
        Dataset response = new Dataset();
        boolean ascii = true;
        Dataset header = page.header(match);
        for (int tag : identifier.tags()) {
            if (notReturned(tag)) {
                continue;
            }
            VR vr = identifier.vr(tag);
            QueryKey key = QueryKey.of(tag);
            if (key == null && header != null && header.contains(tag)) {
                ascii &= MatchHeader.copy(header, tag, response);
                continue;
            }
            String[] values = key == null || !returnable(key, level) ? new String[0] : values(key, match, page);
            if (values.length == 0 || vr == VR.SQ) {
                response.put(tag, vr, null);
            } else {
                response.setString(tag, vr, values);
                for (String v : values) {
                    ascii &= v.chars().allMatch(c -> c < 0x80);
                }
            }
        }
        if (allAttributes) {
            for (QueryKey key : QueryKey.values()) {
                if (!response.contains(key.tag) && returnable(key, level)) {
                    String[] values = values(key, match, page);
                    response.setString(key.tag, ElementDictionary.vrOf(key.tag), values);
                    ascii &= String.join("", values).chars().allMatch(c -> c < 0x80);
                }
            }
        }
        if (allAttributes && level == QueryLevel.IMAGE && header != null) {
            for (int tag : header.tags()) {
                if (!response.contains(tag) && tag != Tags.SpecificCharacterSet) {
                    ascii &= MatchHeader.copy(header, tag, response);
                }
            }
        }
        if (!ascii) {
            response.setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        }
        response.setString(Tags.QueryRetrieveLevel, VR.CS, level.name());
        if (retrieveAeTitle != null) {
            response.setString(Tags.RetrieveAETitle, VR.AE, retrieveAeTitle);
        }
        return response;
    }

    /** Attributes of the query level and above; computed ones only at their own level. */
    private static boolean returnable(QueryKey key, QueryLevel level) {
        return key.kind == QueryKey.Kind.COMPUTED ? key.level == level : key.level.compareTo(level) <= 0;
    }

    private static String[] values(QueryKey key, Match match, PageAttributes page) {
        return switch (key) {
            case MODALITIES_IN_STUDY -> page.modalities(match);
            case NUMBER_OF_PATIENT_RELATED_STUDIES, NUMBER_OF_STUDY_RELATED_SERIES, NUMBER_OF_STUDY_RELATED_INSTANCES,
                    NUMBER_OF_SERIES_RELATED_INSTANCES -> new String[] {page.count(key, match)};
            default -> {
                Object value = key.valueOf(match);
                yield value == null ? new String[0] : new String[] {value.toString()};
            }
        };
    }
}
