package org.strata.ejb.query;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.strata.dicom.data.Dataset;
import org.strata.ejb.metadata.StoredHeader;

/**
 * The values of a page of matches that their index rows do not hold: the computed keys (counts, ModalitiesInStudy)
 * and the stored header copies, each read with one query for the whole page rather than one per match (a page of
 * 100 studies took some 500 queries before). Only what the responses need is read.
 */
final class PageAttributes {
    private static final Logger LOG = Logger.getLogger(PageAttributes.class.getName());
    /** Keys per IN list: well below the bind-parameter limits of the databases, whatever the page size. */
    private static final int IN_LIST = 500;

    private final EntityManager em;
    private final QueryLevel level;
    private final Map<QueryKey, Map<Long, Long>> counts = new EnumMap<>(QueryKey.class);
    private final Map<Long, Set<String>> modalities = new HashMap<>();
    private final Map<Long, Dataset> headers = new HashMap<>();

    private PageAttributes(EntityManager em, QueryLevel level) {
        this.em = em;
        this.level = level;
    }

    /**
     * Reads what the page needs.
     *
     * @param computed the computed keys the responses return
     * @param withHeaders whether the responses need the stored header copies
     */
    static PageAttributes read(EntityManager em, QueryLevel level, List<Match> matches, Set<QueryKey> computed,
            boolean withHeaders) {
        PageAttributes page = new PageAttributes(em, level);
        if (matches.isEmpty()) {
            return page;
        }
        for (QueryKey key : computed) {
            switch (key) {
                case NUMBER_OF_PATIENT_RELATED_STUDIES -> page.count(key, "SELECT s.patient.pk, COUNT(s) FROM Study s"
                        + " WHERE s.patient.pk IN :pks GROUP BY s.patient.pk", pks(matches, m -> m.patient().getPk()));
                case NUMBER_OF_STUDY_RELATED_SERIES -> page.count(key, "SELECT s.study.pk, COUNT(s) FROM Series s"
                        + " WHERE s.study.pk IN :pks GROUP BY s.study.pk", pks(matches, m -> m.study().getPk()));
                // COUNT(*), not COUNT(i): the count then comes from the series index alone.
                case NUMBER_OF_STUDY_RELATED_INSTANCES -> page.count(key, "SELECT i.series.study.pk, COUNT(*)"
                        + " FROM Instance i WHERE i.series.study.pk IN :pks GROUP BY i.series.study.pk",
                        pks(matches, m -> m.study().getPk()));
                case NUMBER_OF_SERIES_RELATED_INSTANCES -> page.count(key, "SELECT i.series.pk, COUNT(*)"
                        + " FROM Instance i WHERE i.series.pk IN :pks GROUP BY i.series.pk",
                        pks(matches, m -> m.series().getPk()));
                case MODALITIES_IN_STUDY -> page.modalities(pks(matches, m -> m.study().getPk()));
                default -> throw new IllegalArgumentException(key + " is not computed");
            }
        }
        if (withHeaders) {
            page.headers(matches);
        }
        return page;
    }

    /** The count of a computed key for a match: 0 when nothing was counted. */
    String count(QueryKey key, Match match) {
        Long pk = switch (key) {
            case NUMBER_OF_PATIENT_RELATED_STUDIES -> match.patient().getPk();
            case NUMBER_OF_SERIES_RELATED_INSTANCES -> match.series().getPk();
            default -> match.study().getPk();
        };
        return String.valueOf(counts.getOrDefault(key, Map.of()).getOrDefault(pk, 0L));
    }

    /** The modalities of a match's study, sorted. */
    String[] modalities(Match match) {
        return modalities.getOrDefault(match.study().getPk(), Set.of()).toArray(String[]::new);
    }

    /**
     * The stored header that answers a match's attributes the index has no column for: the matching instance's at
     * IMAGE level, the first stored instance's of the series, study or patient above; null if none is stored
     * (instances stored before the header copy existed) or it cannot be read.
     */
    Dataset header(Match match) {
        return headers.get(pkOf(match));
    }

    private void count(QueryKey key, String jpql, List<Long> pks) {
        Map<Long, Long> byPk = counts.computeIfAbsent(key, k -> new HashMap<>());
        for (Object[] row : rows(jpql, pks)) {
            byPk.put((Long) row[0], ((Number) row[1]).longValue());
        }
    }

    private void modalities(List<Long> studyPks) {
        for (Object[] row : rows("SELECT DISTINCT s.study.pk, s.modality FROM Series s"
                + " WHERE s.study.pk IN :pks AND s.modality IS NOT NULL", studyPks)) {
            modalities.computeIfAbsent((Long) row[0], k -> new TreeSet<>()).add((String) row[1]);
        }
    }

    private void headers(List<Match> matches) {
        Map<Long, Long> instanceOf = new HashMap<>(); // the level's pk -> the instance whose header answers
        List<Long> pks = pks(matches, this::pkOf);
        if (level == QueryLevel.IMAGE) {
            pks.forEach(pk -> instanceOf.put(pk, pk));
        } else {
            String scope = switch (level) {
                case SERIES -> "i.series.pk";
                case STUDY -> "i.series.study.pk";
                default -> "i.series.study.patient.pk";
            };
            for (Object[] row : rows("SELECT " + scope + ", MIN(i.pk) FROM InstanceHeader h, Instance i"
                    + " WHERE h.instancePk = i.pk AND " + scope + " IN :pks GROUP BY " + scope, pks)) {
                instanceOf.put((Long) row[0], (Long) row[1]);
            }
        }
        Map<Long, byte[]> bytes = new HashMap<>();
        for (Object[] row : rows("SELECT h.instancePk, h.header FROM InstanceHeader h WHERE h.instancePk IN :pks",
                List.copyOf(new TreeSet<>(instanceOf.values())))) {
            bytes.put((Long) row[0], (byte[]) row[1]);
        }
        for (Map.Entry<Long, Long> entry : instanceOf.entrySet()) {
            byte[] header = bytes.get(entry.getValue());
            if (header != null) {
                try {
                    headers.put(entry.getKey(), StoredHeader.decode(header));
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "unreadable stored header of instance " + entry.getValue()
                            + "; its attributes come back empty", e);
                }
            }
        }
    }

    private Long pkOf(Match match) {
        return switch (level) {
            case IMAGE -> match.instance().getPk();
            case SERIES -> match.series().getPk();
            case STUDY -> match.study().getPk();
            case PATIENT -> match.patient().getPk();
        };
    }

    private List<Object[]> rows(String jpql, List<Long> pks) {
        List<Object[]> rows = new ArrayList<>();
        for (int from = 0; from < pks.size(); from += IN_LIST) {
            rows.addAll(em.createQuery(jpql, Object[].class)
                    .setParameter("pks", pks.subList(from, Math.min(pks.size(), from + IN_LIST))).getResultList());
        }
        return rows;
    }

    /** The distinct keys of the matches' entities (several matches may share a parent). */
    private static List<Long> pks(List<Match> matches, Function<Match, Long> pk) {
        return List.copyOf(new TreeSet<>(matches.stream().map(pk).toList()));
    }
}
