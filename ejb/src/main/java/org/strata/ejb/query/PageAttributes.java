package org.strata.ejb.query;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
    /** The match's pk (the query level's entity) by the pk of each of its series (not read at IMAGE level). */
    private final Map<Long, Long> matchOfSeries = new HashMap<>();
    private final Map<Long, Long> patientStudies = new HashMap<>();
    private final Map<Long, Long> seriesCounts = new HashMap<>();
    private final Map<Long, Long> instanceCounts = new HashMap<>();
    private final Map<Long, Set<String>> modalities = new HashMap<>();
    /** The first and last instance key of each series. */
    private final Map<Long, long[]> instanceRange = new HashMap<>();
    private final Map<Long, Dataset> headers = new HashMap<>();

    private PageAttributes(EntityManager em, QueryLevel level) {
        this.em = em;
        this.level = level;
    }

    /**
     * Reads what the page needs: the series of the matches (their count and modalities), then per series the count
     * and key range of its instances (the counts, and where the first header copy is), then the header copies.
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
        List<Long> pks = pks(matches, page::pkOf);
        if (computed.contains(QueryKey.NUMBER_OF_PATIENT_RELATED_STUDIES)) {
            for (Object[] row : page.rows("SELECT s.patient.pk, COUNT(s) FROM Study s WHERE s.patient.pk IN :pks"
                    + " GROUP BY s.patient.pk", pks)) {
                page.patientStudies.put((Long) row[0], (Long) row[1]);
            }
        }
        boolean instances = computed.contains(QueryKey.NUMBER_OF_STUDY_RELATED_INSTANCES)
                || computed.contains(QueryKey.NUMBER_OF_SERIES_RELATED_INSTANCES)
                || (withHeaders && level != QueryLevel.IMAGE);
        boolean series = instances || computed.contains(QueryKey.NUMBER_OF_STUDY_RELATED_SERIES)
                || computed.contains(QueryKey.MODALITIES_IN_STUDY);
        if (series) {
            page.series(pks);
        }
        if (instances) {
            page.instances();
        }
        if (withHeaders) {
            page.headers(pks);
        }
        return page;
    }

    /** The count of a computed key (of the query level) for a match: 0 when nothing was counted. */
    String count(QueryKey key, Match match) {
        Map<Long, Long> counts = switch (key) {
            case NUMBER_OF_PATIENT_RELATED_STUDIES -> patientStudies;
            case NUMBER_OF_STUDY_RELATED_SERIES -> seriesCounts;
            default -> instanceCounts;
        };
        return String.valueOf(counts.getOrDefault(pkOf(match), 0L));
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

    private void series(List<Long> pks) {
        if (level == QueryLevel.SERIES) {
            pks.forEach(pk -> matchOfSeries.put(pk, pk));
            return;
        }
        String match = level == QueryLevel.STUDY ? "s.study.pk" : "s.study.patient.pk";
        for (Object[] row : rows("SELECT " + match + ", s.pk, s.modality FROM Series s WHERE " + match + " IN :pks",
                pks)) {
            Long pk = (Long) row[0];
            matchOfSeries.put((Long) row[1], pk);
            seriesCounts.merge(pk, 1L, Long::sum);
            if (row[2] != null) {
                modalities.computeIfAbsent(pk, k -> new TreeSet<>()).add((String) row[2]);
            }
        }
    }

    /** COUNT(*), not COUNT(i): with MIN and MAX of the key, read from the index on (series, key) alone. */
    private void instances() {
        for (Object[] row : rows("SELECT i.series.pk, COUNT(*), MIN(i.pk), MAX(i.pk) FROM Instance i"
                + " WHERE i.series.pk IN :pks GROUP BY i.series.pk", sorted(matchOfSeries.keySet()))) {
            Long series = (Long) row[0];
            instanceCounts.merge(matchOfSeries.get(series), ((Number) row[1]).longValue(), Long::sum);
            instanceRange.put(series, new long[] {(Long) row[2], (Long) row[3]});
        }
    }

    private void headers(List<Long> pks) {
        Map<Long, Long> instanceOf = new HashMap<>(); // the match's pk -> the instance whose header answers
        if (level == QueryLevel.IMAGE) {
            pks.forEach(pk -> instanceOf.put(pk, pk));
        } else {
            firstWithHeader().forEach((series, instance) ->
                    instanceOf.merge(matchOfSeries.get(series), instance, Math::min));
        }
        Map<Long, byte[]> bytes = new HashMap<>();
        for (Object[] row : rows("SELECT h.instancePk, h.header FROM InstanceHeader h WHERE h.instancePk IN :pks",
                sorted(instanceOf.values()))) {
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

    /**
     * The first instance of each series that has a stored header, by series. Usually the first instance of the
     * series; for series whose first instance has none (stored before header copies existed), the first with one,
     * looked for only within those series' range of instance keys: a join of the header and instance tables on the
     * series alone may be planned as a walk of the whole instance table in key order.
     */
    private Map<Long, Long> firstWithHeader() {
        Set<Long> withHeader = new HashSet<>(rows("SELECT h.instancePk FROM InstanceHeader h WHERE h.instancePk IN :pks",
                Long.class, sorted(instanceRange.values().stream().map(range -> range[0]).toList()), Map.of()));
        Map<Long, Long> found = new HashMap<>();
        List<Long> without = new ArrayList<>();
        instanceRange.forEach((series, range) -> {
            if (withHeader.contains(range[0])) {
                found.put(series, range[0]);
            } else {
                without.add(series);
            }
        });
        if (!without.isEmpty()) {
            long from = without.stream().mapToLong(series -> instanceRange.get(series)[0]).min().orElseThrow();
            long to = without.stream().mapToLong(series -> instanceRange.get(series)[1]).max().orElseThrow();
            for (Object[] row : rows("SELECT i.series.pk, MIN(i.pk) FROM InstanceHeader h, Instance i"
                    + " WHERE h.instancePk = i.pk AND i.series.pk IN :pks AND i.pk BETWEEN :from AND :to"
                    + " GROUP BY i.series.pk", Object[].class, sorted(without), Map.of("from", from, "to", to))) {
                found.put((Long) row[0], (Long) row[1]);
            }
        }
        return found;
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
        return rows(jpql, Object[].class, pks, Map.of());
    }

    /** The results of a query with an IN list {@code :pks}, asked a part of the list at a time. */
    private <T> List<T> rows(String jpql, Class<T> type, List<Long> pks, Map<String, Object> parameters) {
        List<T> rows = new ArrayList<>();
        for (int from = 0; from < pks.size(); from += IN_LIST) {
            TypedQuery<T> query = em.createQuery(jpql, type)
                    .setParameter("pks", pks.subList(from, Math.min(pks.size(), from + IN_LIST)));
            parameters.forEach(query::setParameter);
            rows.addAll(query.getResultList());
        }
        return rows;
    }

    private static List<Long> sorted(Collection<Long> pks) {
        return List.copyOf(new TreeSet<>(pks));
    }

    /** The distinct keys of the matches' entities (several matches may share a parent). */
    private static List<Long> pks(List<Match> matches, Function<Match, Long> pk) {
        return sorted(matches.stream().map(pk).toList());
    }
}
