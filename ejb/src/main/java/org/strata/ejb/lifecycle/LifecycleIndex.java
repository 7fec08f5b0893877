package org.strata.ejb.lifecycle;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.strata.persistence.index.Instance;
import org.strata.persistence.index.InstanceVersion;
import org.strata.persistence.index.StoredFile;
import org.strata.persistence.storage.StorageProblem;

/** The index queries and updates of the lifecycle and the scrub, each in a transaction of its own. */
@Stateless
public class LifecycleIndex {
    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    /**
     * Up to {@code max} studies after {@code afterPk} (in pk order) that have an object (a current or a superseded
     * version) on one of {@code from} and whose last instance arrived before {@code before} and, by
     * {@link AgeBasis#ACCESSED}, that were not read since (or never).
     */
    public List<Long> studiesToMove(Collection<String> from, Instant before, AgeBasis basis, long afterPk, int max) {
        return em.createQuery("SELECT st.pk FROM Study st WHERE st.pk > :after"
                        + (basis == AgeBasis.ACCESSED
                        ? " AND (st.lastAccessedAt IS NULL OR st.lastAccessedAt < :before)" : "")
                        + " AND (EXISTS (SELECT i.pk FROM Instance i WHERE i.series.study = st"
                        + " AND i.file.storageId IN :from) OR EXISTS (SELECT v.pk FROM InstanceVersion v"
                        + " WHERE v.series.study = st AND v.file.storageId IN :from))"
                        + " AND (SELECT MAX(i2.receivedAt) FROM Instance i2 WHERE i2.series.study = st) < :before"
                        + " ORDER BY st.pk", Long.class)
                .setParameter("after", afterPk).setParameter("from", from).setParameter("before", before)
                .setMaxResults(max).getResultList();
    }

    /** The objects of a study on one of these systems: current versions, then superseded ones. */
    public List<StoredObject> objectsOf(long studyPk, Collection<String> on) {
        List<StoredObject> objects = new ArrayList<>(em.createQuery("SELECT i FROM Instance i"
                        + " WHERE i.series.study.pk = :study AND i.file.storageId IN :on ORDER BY i.pk", Instance.class)
                .setParameter("study", studyPk).setParameter("on", on).getResultList().stream()
                .map(LifecycleIndex::object).toList());
        objects.addAll(em.createQuery("SELECT v FROM InstanceVersion v JOIN FETCH v.instance"
                        + " WHERE v.series.study.pk = :study AND v.file.storageId IN :on ORDER BY v.pk",
                        InstanceVersion.class)
                .setParameter("study", studyPk).setParameter("on", on).getResultList().stream()
                .map(LifecycleIndex::object).toList());
        return objects;
    }

    /** The study pks of instances with these UIDs. */
    public List<Long> studiesOf(Collection<String> sopInstanceUids) {
        return em.createQuery("SELECT DISTINCT i.series.study.pk FROM Instance i WHERE i.sopInstanceUid IN :uids",
                Long.class).setParameter("uids", sopInstanceUids).getResultList();
    }

    /** Up to {@code max} current versions after {@code afterPk}, in pk order. */
    public List<StoredObject> objectsAfter(long afterPk, int max) {
        return em.createQuery("SELECT i FROM Instance i WHERE i.pk > :after ORDER BY i.pk", Instance.class)
                .setParameter("after", afterPk).setMaxResults(max).getResultList().stream()
                .map(LifecycleIndex::object).toList();
    }

    /** Up to {@code max} superseded versions after {@code afterPk}, in pk order. */
    public List<StoredObject> supersededAfter(long afterPk, int max) {
        return em.createQuery("SELECT v FROM InstanceVersion v JOIN FETCH v.instance WHERE v.pk > :after ORDER BY v.pk",
                        InstanceVersion.class)
                .setParameter("after", afterPk).setMaxResults(max).getResultList().stream()
                .map(LifecycleIndex::object).toList();
    }

    /**
     * Points each object at its copy on {@code targetId}, in one transaction, where the index still has it where it
     * was read from (a replacement stored meanwhile wins); forgets problems of the old copies.
     *
     * @return the objects switched
     */
    public List<StoredObject> switchTo(String targetId, List<StoredObject> copied) {
        List<StoredObject> switched = new ArrayList<>();
        for (StoredObject o : copied) {
            int n = em.createQuery("UPDATE " + (o.superseded() ? "InstanceVersion" : "Instance")
                            + " i SET i.file.storageId = :target WHERE i.pk = :pk"
                            + " AND i.file.storageId = :source AND i.file.path = :path")
                    .setParameter("target", targetId).setParameter("pk", o.pk())
                    .setParameter("source", o.storageId()).setParameter("path", o.path()).executeUpdate();
            if (n == 1) {
                switched.add(o);
                if (!o.superseded()) { // the scrub records problems of current versions only
                    em.createQuery("DELETE FROM StorageProblem p WHERE p.sopInstanceUid = :uid")
                            .setParameter("uid", o.sopInstanceUid()).executeUpdate();
                }
            }
        }
        return switched;
    }

    /** Records (or clears, with a null problem) what the scrub found of one current version. */
    public void recordProblem(StoredObject o, String problem) {
        List<StorageProblem> found = em.createQuery("SELECT p FROM StorageProblem p WHERE p.sopInstanceUid = :uid",
                StorageProblem.class).setParameter("uid", o.sopInstanceUid()).getResultList();
        if (problem == null) {
            found.forEach(em::remove);
            return;
        }
        StorageProblem p = found.isEmpty() ? new StorageProblem() : found.get(0);
        p.setSopInstanceUid(o.sopInstanceUid());
        p.setStorageId(o.storageId());
        p.setStoragePath(o.path());
        p.setProblem(problem.length() > 512 ? problem.substring(0, 512) : problem);
        p.setFoundAt(Instant.now());
        if (p.getPk() == null) {
            em.persist(p);
        }
    }

    /** Every known problem, newest first. */
    public List<StorageProblem> problems(int max) {
        return em.createQuery("SELECT p FROM StorageProblem p ORDER BY p.foundAt DESC", StorageProblem.class)
                .setMaxResults(max).getResultList();
    }

    private static StoredObject object(Instance i) {
        return object(i.getPk(), false, i.getSopInstanceUid(), i.getFile());
    }

    private static StoredObject object(InstanceVersion v) {
        return object(v.getPk(), true, v.getInstance().getSopInstanceUid(), v.getFile());
    }

    private static StoredObject object(long pk, boolean superseded, String sopInstanceUid, StoredFile f) {
        return new StoredObject(pk, superseded, sopInstanceUid, f.getStorageId(), f.getPath(), f.getSize(),
                f.getSha256());
    }
}
