package org.strata.ejb.retrieve;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.strata.ejb.lifecycle.StudyAccess;
import org.strata.ejb.lifecycle.StudyMover;
import org.strata.ejb.storage.LocalFiles;
import org.strata.ejb.storage.StorageSystem;
import org.strata.ejb.storage.StorageSystems;
import org.strata.ejb.store.HotTier;
import org.strata.persistence.index.Instance;
import org.strata.persistence.index.StoredFile;

/**
 * Finds the indexed instances a retrieve scope selects, in study/series/instance order, each with a local file of its
 * bytes wherever the object is stored (see {@link LocalFiles}). With {@code strata.lifecycle.recall-on-read}, a study
 * read from the cold tier is first moved back to the hot tier. An object that is missing, damaged or recorded as such
 * by the scrub has no file: it is reported as a failed item, never served. Every reader (C-GET, C-MOVE, WADO-RS,
 * WADO-URI, frames, rendered, bulk data) comes here, so this is where a read of a study is recorded
 * ({@link StudyAccess}, for the lifecycle's {@code strata.lifecycle.age-basis=accessed}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // a recall commits on its own; reads need none
public class InstanceLocator {
    private static final Logger LOG = Logger.getLogger(InstanceLocator.class.getName());

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    @Inject
    LocalFiles files;

    @Inject
    StorageSystems systems;

    @EJB
    StudyMover mover;

    @EJB
    StudyAccess access;

    @Inject
    @ConfigProperty(name = "strata.lifecycle.recall-on-read", defaultValue = "false")
    boolean recallOnRead;

    public List<RetrieveItem> locate(RetrieveScope scope) {
        List<Object[]> rows = query(scope);
        if (recallOnRead && recall(rows)) {
            rows = query(scope);
        }
        recordRead(rows);
        List<RetrieveItem> items = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Instance i = (Instance) row[0];
            items.add(new RetrieveItem(i.getSopClassUid(), i.getSopInstanceUid(), i.getFile().getTransferSyntaxUid(),
                    file(i, (String) row[1])));
        }
        return items;
    }

    private Path file(Instance i, String knownProblem) {
        if (knownProblem != null) {
            LOG.warning("not served: " + i.getSopInstanceUid() + " is damaged (" + knownProblem + ")");
            return null;
        }
        try {
            StoredFile f = i.getFile();
            return files.of(f.getStorageId(), f.getPath(), f.getSize(), f.getSha256());
        } catch (IOException e) {
            LOG.warning("not served: " + i.getSopInstanceUid() + ": " + e.getMessage());
            return null;
        }
    }

    /** Records that the studies among the rows were read; a failure is logged and never fails the read. */
    private void recordRead(List<Object[]> rows) {
        Set<Long> studies = new LinkedHashSet<>();
        for (Object[] row : rows) {
            studies.add((Long) row[2]);
        }
        try {
            access.recordRead(studies);
        } catch (RuntimeException e) {
            LOG.warning("last access of " + studies.size() + " study(ies) not recorded: " + e);
        }
    }

    /** Moves the cold studies among the rows to the hot tier; true when any moved. */
    private boolean recall(List<Object[]> rows) {
        Set<Long> studies = new LinkedHashSet<>();
        for (Object[] row : rows) {
            Instance i = (Instance) row[0];
            if (systems.find(i.getFile().getStorageId()).map(s -> s.tier() == StorageSystem.Tier.COLD).orElse(false)) {
                studies.add((Long) row[2]);
            }
        }
        if (studies.isEmpty()) {
            return false;
        }
        StorageSystem hot;
        try {
            hot = systems.get(HotTier.ID);
        } catch (StorageSystems.UnknownStorageException e) {
            LOG.warning("recall-on-read: " + e.getMessage() + "; reading from cold instead");
            return false;
        }
        for (Long study : studies) {
            StudyMover.Moved moved = mover.move(study, StorageSystem.Tier.COLD, hot);
            LOG.info("recall-on-read: " + moved.objects() + " object(s) of a study moved back to '" + hot.id() + "'"
                    + (moved.failures() > 0 ? ", " + moved.failures() + " failed" : ""));
        }
        return true;
    }

    /** Each instance with the problem the scrub recorded of it (or null) and its study's pk. */
    private List<Object[]> query(RetrieveScope scope) {
        StringBuilder jpql = new StringBuilder("SELECT i, p.problem, st.pk FROM Instance i JOIN i.series se"
                + " JOIN se.study st JOIN st.patient pa LEFT JOIN StorageProblem p ON p.sopInstanceUid = i.sopInstanceUid"
                + " WHERE 1 = 1");
        List<List<String>> params = new ArrayList<>();
        condition(jpql, params, "pa.patientId", scope.patientIds());
        condition(jpql, params, "st.studyInstanceUid", scope.studyUids());
        condition(jpql, params, "se.seriesInstanceUid", scope.seriesUids());
        condition(jpql, params, "i.sopInstanceUid", scope.sopInstanceUids());
        jpql.append(" ORDER BY st.pk, se.pk, i.pk");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter("p" + i, params.get(i));
        }
        return query.getResultList();
    }

    private static void condition(StringBuilder jpql, List<List<String>> params, String path, List<String> values) {
        if (!values.isEmpty()) {
            jpql.append(" AND ").append(path).append(" IN :p").append(params.size());
            params.add(values);
        }
    }
}
