package org.strata.ejb.lifecycle;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.strata.persistence.storage.LifecycleRun;
import org.strata.persistence.storage.RunClaim;

/**
 * The history of lifecycle and scrub runs in the index; every change commits at once, so progress is visible to every
 * node. Starting a run is a claim on the whole cluster: see {@link #claim}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Runs {
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String INTERRUPTED = "INTERRUPTED";

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    /** This server's name in the cluster ({@code jboss.node.name}; WildFly defaults it to the host name). */
    static String node() {
        return System.getProperty("jboss.node.name", "strata");
    }

    /** What a start did: {@code started} false means {@code run} is one already running, on this or another node. */
    public record Claim(RunView run, boolean started) {
    }

    /**
     * Starts a run of a kind unless one is RUNNING on any node, in one transaction that first locks the kind's
     * {@code run_claim} row (SELECT ... FOR UPDATE): every start on every node takes that lock, so the check and the
     * insert are atomic across the cluster (a unique partial index on RUNNING rows would say the same, but H2 has
     * none). A RUNNING run whose node has not been heard of for {@code lease} (killed and never restarted) is marked
     * INTERRUPTED here and no longer blocks. {@code scheduled} is the timer firing (to the minute) a scheduled start
     * is for: a second timer firing for the same minute, on whichever node, starts nothing (empty).
     */
    public Optional<Claim> claim(String kind, String trigger, Instant scheduled, Duration lease) {
        RunClaim claim = em.find(RunClaim.class, kind, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        for (LifecycleRun r : runningRows(kind)) {
            Instant heard = r.getHeartbeatAt() != null ? r.getHeartbeatAt() : r.getStartedAt();
            if (heard.isAfter(now.minus(lease))) {
                return Optional.of(new Claim(RunView.of(r), false));
            }
            r.setState(INTERRUPTED);
            r.setFinishedAt(now);
            r.setMessage("node '" + r.getNodeName() + "' silent since " + heard + "; taken over by '" + node() + "'");
        }
        if (scheduled != null) {
            if (claim.getLastScheduled() != null && !scheduled.isAfter(claim.getLastScheduled())) {
                return Optional.empty();
            }
            claim.setLastScheduled(scheduled);
        }
        LifecycleRun run = new LifecycleRun();
        run.setKind(kind);
        run.setTrigger(trigger);
        run.setState(RUNNING);
        run.setStartedAt(now);
        run.setHeartbeatAt(now);
        run.setNodeName(node());
        em.persist(run);
        em.flush();
        return Optional.of(new Claim(RunView.of(run), true));
    }

    /** Records progress so far; with {@code state} not null, also that the run ended so. */
    public RunView update(long id, Progress progress, String state, String message) {
        LifecycleRun run = em.find(LifecycleRun.class, id);
        run.setStudies(progress.studies());
        run.setObjects(progress.objects());
        run.setBytes(progress.bytes());
        run.setFailures(progress.failures());
        run.setHeartbeatAt(Instant.now());
        if (message != null) {
            run.setMessage(message.length() > 1024 ? message.substring(0, 1024) : message);
        }
        if (state != null) {
            run.setState(state);
            run.setFinishedAt(Instant.now());
        }
        return RunView.of(run);
    }

    /** Tells the other nodes that this node is still at run {@code id} (see the lease in {@link #claim}). */
    public void heartbeat(long id) {
        em.createQuery("UPDATE LifecycleRun r SET r.heartbeatAt = :now WHERE r.pk = :id")
                .setParameter("now", Instant.now()).setParameter("id", id).executeUpdate();
    }

    /**
     * Marks runs of this kind that this node left RUNNING when it stopped as INTERRUPTED (runs from before clustering
     * have no node and count as this node's); a new run takes up the work. Other nodes' runs are theirs.
     */
    public int interruptLeftovers(String kind) {
        return em.createQuery("UPDATE LifecycleRun r SET r.state = :interrupted, r.finishedAt = :now"
                        + " WHERE r.kind = :kind AND r.state = :running AND (r.nodeName = :node OR r.nodeName IS NULL)")
                .setParameter("interrupted", INTERRUPTED).setParameter("now", Instant.now())
                .setParameter("kind", kind).setParameter("running", RUNNING).setParameter("node", node())
                .executeUpdate();
    }

    /** The run of a kind RUNNING on any node, if any. */
    public Optional<RunView> running(String kind) {
        return runningRows(kind).stream().findFirst().map(RunView::of);
    }

    /** The newest runs of a kind, newest first. */
    public List<RunView> history(String kind, int max) {
        return em.createQuery("SELECT r FROM LifecycleRun r WHERE r.kind = :kind ORDER BY r.pk DESC",
                        LifecycleRun.class).setParameter("kind", kind).setMaxResults(max).getResultList().stream()
                .map(RunView::of).toList();
    }

    private List<LifecycleRun> runningRows(String kind) {
        return em.createQuery("SELECT r FROM LifecycleRun r WHERE r.kind = :kind AND r.state = :running"
                        + " ORDER BY r.pk", LifecycleRun.class)
                .setParameter("kind", kind).setParameter("running", RUNNING).getResultList();
    }

    /** Counts of a run so far. */
    public record Progress(int studies, long objects, long bytes, int failures) {
    }
}
