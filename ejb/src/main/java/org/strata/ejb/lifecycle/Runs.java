package org.strata.ejb.lifecycle;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.strata.persistence.storage.LifecycleRun;

/** The history of lifecycle and scrub runs in the index; every change commits at once, so progress is visible. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Runs {
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String INTERRUPTED = "INTERRUPTED";

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    public RunView start(String kind, String trigger) {
        LifecycleRun run = new LifecycleRun();
        run.setKind(kind);
        run.setTrigger(trigger);
        run.setState(RUNNING);
        run.setStartedAt(Instant.now());
        em.persist(run);
        em.flush();
        return RunView.of(run);
    }

    /** Records progress so far; with {@code state} not null, also that the run ended so. */
    public RunView update(long id, Progress progress, String state, String message) {
        LifecycleRun run = em.find(LifecycleRun.class, id);
        run.setStudies(progress.studies());
        run.setObjects(progress.objects());
        run.setBytes(progress.bytes());
        run.setFailures(progress.failures());
        if (message != null) {
            run.setMessage(message.length() > 1024 ? message.substring(0, 1024) : message);
        }
        if (state != null) {
            run.setState(state);
            run.setFinishedAt(Instant.now());
        }
        return RunView.of(run);
    }

    /** Marks runs of this kind that a stopped server left RUNNING as INTERRUPTED; a new run takes up the work. */
    public int interruptLeftovers(String kind) {
        return em.createQuery("UPDATE LifecycleRun r SET r.state = :interrupted, r.finishedAt = :now"
                        + " WHERE r.kind = :kind AND r.state = :running")
                .setParameter("interrupted", INTERRUPTED).setParameter("now", Instant.now())
                .setParameter("kind", kind).setParameter("running", RUNNING).executeUpdate();
    }

    /** The newest runs of a kind, newest first. */
    public List<RunView> history(String kind, int max) {
        return em.createQuery("SELECT r FROM LifecycleRun r WHERE r.kind = :kind ORDER BY r.pk DESC",
                        LifecycleRun.class).setParameter("kind", kind).setMaxResults(max).getResultList().stream()
                .map(RunView::of).toList();
    }

    /** Counts of a run so far. */
    public record Progress(int studies, long objects, long bytes, int failures) {
    }
}
