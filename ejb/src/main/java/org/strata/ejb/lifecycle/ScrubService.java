package org.strata.ejb.lifecycle;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.strata.ejb.storage.StorageSystems;

/**
 * The scrub: re-reads stored objects on every tier and checks size and SHA-256 against the index, on the persistent
 * timer {@code strata.scrub.schedule}, each run a share of {@code strata.scrub.daily-share-percent} of the objects
 * (a different share each day, so that every object is read over 100/share days). A missing or damaged object is
 * recorded as a storage problem (logged, listed at the admin endpoint) and is never served; one found intact again
 * is cleared. On a cluster, as for the lifecycle, a run starts only through {@link Runs#claim}: one scrub at a time on
 * the whole cluster.
 */
@Singleton
@Startup
@DependsOn("SchemaStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScrubService {
    static final String KIND = "SCRUB";
    private static final Logger LOG = Logger.getLogger(ScrubService.class.getName());
    private static final int PAGE = 500;
    private static final long HEARTBEAT_NANOS = Duration.ofMinutes(1).toNanos();

    @Resource
    TimerService timers;

    @Resource
    ManagedExecutorService executor;

    @EJB
    Runs runs;

    @EJB
    LifecycleIndex index;

    @Inject
    StorageSystems systems;

    @Inject
    @ConfigProperty(name = "strata.scrub.schedule", defaultValue = "0 3 * * *")
    String schedule;

    @Inject
    @ConfigProperty(name = "strata.scrub.daily-share-percent", defaultValue = "100")
    int dailySharePercent;

    @Inject
    @ConfigProperty(name = "strata.cluster.lease-minutes", defaultValue = "10")
    long leaseMinutes;

    private final AtomicReference<RunView> current = new AtomicReference<>();

    @PostConstruct
    void init() {
        runs.interruptLeftovers(KIND);
        // As in LifecycleService.init: the node that starts last owns the one timer of the shared store.
        for (Timer t : timers.getTimers()) {
            t.cancel();
        }
        timers.createCalendarTimer(CronSchedule.parse("strata.scrub.schedule", schedule),
                new TimerConfig(KIND, true));
    }

    @Timeout
    void timeout(Timer timer) {
        start("SCHEDULE", dailySharePercent, Instant.now().truncatedTo(ChronoUnit.MINUTES));
    }

    /**
     * Starts a scrub of {@code sharePercent} of the objects unless one is in progress on any node; returns the one in
     * progress.
     */
    public RunView start(String trigger, int sharePercent) {
        return start(trigger, sharePercent, null).orElseThrow(); // only a scheduled start may start nothing
    }

    private Optional<RunView> start(String trigger, int sharePercent, Instant scheduled) {
        RunView running = current.get();
        if (running != null) {
            return Optional.of(running);
        }
        Optional<Runs.Claim> claim = runs.claim(KIND, trigger, scheduled, Duration.ofMinutes(leaseMinutes));
        if (claim.isEmpty() || !claim.get().started()) {
            return claim.map(Runs.Claim::run);
        }
        RunView run = claim.get().run();
        current.set(run);
        int share = Math.max(1, Math.min(100, sharePercent));
        executor.execute(() -> execute(run, share));
        return Optional.of(run);
    }

    /** The scrub in progress on any node, if any. */
    public Optional<RunView> running() {
        RunView run = current.get();
        return run == null ? runs.running(KIND) : Optional.of(run);
    }

    public List<RunView> history(int max) {
        return runs.history(KIND, max);
    }

    public List<ProblemView> problems(int max) {
        return index.problems(max).stream().map(ProblemView::of).toList();
    }

    private void execute(RunView run, int share) {
        // Which hundredth of the objects (by pk) today's share starts at.
        long offset = LocalDate.now().toEpochDay() * share % 100;
        Counts counts = new Counts();
        String state = Runs.DONE;
        try {
            scrub(run, counts, share, offset, index::objectsAfter);
            scrub(run, counts, share, offset, index::supersededAfter);
        } catch (RuntimeException e) {
            state = Runs.INTERRUPTED;
            LOG.log(Level.SEVERE, "scrub: run " + run.id() + " failed", e);
        } finally {
            RunView done = runs.update(run.id(), counts.progress(), state, share + "% of the objects checked");
            current.set(null);
            LOG.info("scrub: run " + done.id() + " " + done.state() + ": " + counts.objects + " objects ("
                    + counts.bytes + " bytes) checked, " + counts.failures + " missing or damaged");
        }
    }

    /** What a run has checked so far. */
    private static final class Counts {
        long objects;
        long bytes;
        int failures;
        long heard = System.nanoTime(); // when the other nodes last heard of this run

        Runs.Progress progress() {
            return new Runs.Progress(0, objects, bytes, failures);
        }
    }

    /** Pages of objects of one kind, in pk order: up to {@code max} after a pk. */
    private interface Pages {
        List<StoredObject> after(long afterPk, int max);
    }

    private void scrub(RunView run, Counts counts, int share, long offset, Pages pages) {
        long after = 0;
        for (List<StoredObject> page = pages.after(after, PAGE); !page.isEmpty(); page = pages.after(after, PAGE)) {
            for (StoredObject o : page) {
                if (Math.floorMod(o.pk() - offset, 100) >= share) {
                    continue;
                }
                if (System.nanoTime() - counts.heard > HEARTBEAT_NANOS) { // a slow page must not look like a dead node
                    runs.heartbeat(run.id());
                    counts.heard = System.nanoTime();
                }
                String problem = systems.verify(o.storageId(), o.path(), o.size(), o.sha256());
                if (!o.superseded()) {
                    // A superseded version's problem is only logged: the problem list, keyed by SOP Instance UID,
                    // stops the current version from being served.
                    index.recordProblem(o, problem);
                }
                counts.objects++;
                counts.bytes += o.size();
                if (problem != null) {
                    counts.failures++;
                    LOG.warning("scrub: " + (o.superseded() ? "a superseded version of " : "") + o.sopInstanceUid()
                            + " on '" + o.storageId() + "' at " + o.path() + ": " + problem);
                }
            }
            after = page.get(page.size() - 1).pk();
            current.set(runs.update(run.id(), counts.progress(), null, null));
        }
    }
}
