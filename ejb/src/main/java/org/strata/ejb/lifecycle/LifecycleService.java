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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.strata.ejb.storage.StorageSystem;
import org.strata.ejb.storage.StorageSystems;
import org.strata.ejb.store.OrphanSweeper;

/**
 * The nightly storage lifecycle: a persistent EJB timer on {@code strata.lifecycle.schedule} moves studies whose last
 * object arrived (with {@code strata.lifecycle.age-basis=accessed}: that were also last read) more than
 * {@code strata.lifecycle.age-days} ago from the hot tier to the cold system {@code strata.lifecycle.target},
 * {@code strata.lifecycle.batch-size} studies at a time with {@code strata.lifecycle.concurrency} studies in parallel,
 * then sweeps orphans from every tier. It also runs early, whatever the studies' age, while a hot folder is fuller than
 * {@code strata.storage.hot.high-water-percent} and holds studies (checked every
 * {@code strata.lifecycle.high-water-check-seconds}). A run is idempotent and resumes where a crash left it: what is
 * still on hot is simply moved by the next run.
 *
 * <p>On a cluster (several nodes on one database) the nightly timer lives in WildFly's database timer store, which
 * fires each timeout on one node only; whatever fires, a run starts only through {@link Runs#claim}, so one run at a
 * time runs on the whole cluster and "run now" on any node answers with the run in progress wherever it is. The
 * high-water check is a per-node, non-persistent timer: each node watches its own view of the hot tier, and a run it
 * would start is refused while another node's run is in progress.
 */
@Singleton
@Startup
@DependsOn({"SchemaStartup", "OrphanSweeper"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LifecycleService {
    static final String KIND = "MOVE";
    private static final Logger LOG = Logger.getLogger(LifecycleService.class.getName());
    private static final String NIGHTLY = "lifecycle-nightly";
    private static final String HIGH_WATER_CHECK = "lifecycle-high-water";

    @Resource
    TimerService timers;

    @Resource
    ManagedExecutorService executor;

    @EJB
    Runs runs;

    @EJB
    LifecycleIndex index;

    @EJB
    StudyMover mover;

    @EJB
    OrphanSweeper sweeper;

    @Inject
    StorageSystems systems;

    @Inject
    @ConfigProperty(name = "strata.lifecycle.schedule", defaultValue = "0 2 * * *")
    String schedule;

    @Inject
    @ConfigProperty(name = "strata.lifecycle.age-days", defaultValue = "90")
    double ageDays;

    @Inject
    @ConfigProperty(name = "strata.lifecycle.age-basis", defaultValue = "received")
    String ageBasisSetting;

    @Inject
    @ConfigProperty(name = "strata.lifecycle.batch-size", defaultValue = "100")
    int batchSize;

    @Inject
    @ConfigProperty(name = "strata.lifecycle.concurrency", defaultValue = "2")
    int concurrency;

    @Inject
    @ConfigProperty(name = "strata.lifecycle.target", defaultValue = "cold")
    String targetId;

    @Inject
    @ConfigProperty(name = "strata.storage.hot.high-water-percent", defaultValue = "90")
    int highWaterPercent;

    @Inject
    @ConfigProperty(name = "strata.cluster.lease-minutes", defaultValue = "10")
    long leaseMinutes;

    @EJB
    StudyClaims studyClaims;

    @Inject
    @ConfigProperty(name = "strata.lifecycle.high-water-check-seconds", defaultValue = "60")
    int highWaterCheckSeconds;

    private AgeBasis ageBasis;

    private volatile Current current;

    /** The run in progress: its row and live counters. */
    private record Current(RunView run, AtomicInteger studies, AtomicLong objects, AtomicLong bytes,
                           AtomicInteger failures) {
        Runs.Progress progress() {
            return new Runs.Progress(studies.get(), objects.get(), bytes.get(), failures.get());
        }
    }

    @PostConstruct
    void init() {
        ageBasis = AgeBasis.parse("strata.lifecycle.age-basis", ageBasisSetting);
        if (highWaterCheckSeconds < 1) {
            throw new IllegalArgumentException("strata.lifecycle.high-water-check-seconds is '" + highWaterCheckSeconds
                    + "': expected a number of seconds, at least 1");
        }
        systems.report();
        int interrupted = runs.interruptLeftovers(KIND);
        if (interrupted > 0) {
            LOG.warning("lifecycle: " + interrupted + " run(s) were interrupted by a stop; the next run takes them up");
        }
        studyClaims.releaseOwn();
        // Settings may have changed since the persistent timer was created: replace it. On a cluster this also
        // cancels the nightly timer another node created (the timer store is shared), so the node that started last
        // owns the one timer. Two nodes starting at the very same moment may each miss the other's new timer and keep
        // two; the claim's per-minute check (Runs.claim) makes the second firing start nothing, and the next start
        // of either node cancels both.
        for (Timer t : timers.getTimers()) {
            t.cancel();
        }
        timers.createCalendarTimer(CronSchedule.parse("strata.lifecycle.schedule", schedule),
                new TimerConfig(NIGHTLY, true));
        long checkMillis = Duration.ofSeconds(highWaterCheckSeconds).toMillis();
        timers.createIntervalTimer(checkMillis, checkMillis, new TimerConfig(HIGH_WATER_CHECK, false));
        LOG.info("lifecycle: moves studies older than " + ageDays + " days (since last "
                + (ageBasis == AgeBasis.ACCESSED ? "receipt or read" : "receipt") + ") to '" + targetId
                + "' on schedule '" + schedule + "'; high water " + highWaterPercent + "%, checked every "
                + highWaterCheckSeconds + " s");
    }

    @Timeout
    void timeout(Timer timer) {
        try {
            if (NIGHTLY.equals(timer.getInfo())) {
                start("SCHEDULE", Instant.now().truncatedTo(ChronoUnit.MINUTES));
            } else if (HIGH_WATER_CHECK.equals(timer.getInfo())) {
                Current running = current;
                if (running != null) {
                    runs.heartbeat(running.run().id()); // a long batch must not look like a dead node
                } else if (aboveHighWater()
                        && !index.studiesToMove(hotIds(), Instant.now(), ageBasis, 0, 1).isEmpty()) {
                    start("HIGH_WATER", null);
                }
            }
        } catch (NoTargetException e) {
            LOG.severe("lifecycle: no run: " + e.getMessage());
        }
    }

    /**
     * Starts a run unless one is in progress on any node; returns the run in progress.
     *
     * @throws NoTargetException when {@code strata.lifecycle.target} names no storage system that works
     */
    public RunView start(String trigger) throws NoTargetException {
        return start(trigger, null).orElseThrow(); // only a scheduled start may start nothing
    }

    /** Starts a run as {@link #start(String)} does; for a timer firing ({@code scheduled}) done already, nothing. */
    private Optional<RunView> start(String trigger, Instant scheduled) throws NoTargetException {
        Current running = current;
        if (running != null) {
            return Optional.of(view(running));
        }
        StorageSystem target;
        try {
            target = systems.get(targetId);
        } catch (StorageSystems.UnknownStorageException e) {
            throw new NoTargetException("strata.lifecycle.target: " + e.getMessage());
        }
        Optional<Runs.Claim> claim = runs.claim(KIND, trigger, scheduled, Duration.ofMinutes(leaseMinutes));
        if (claim.isEmpty() || !claim.get().started()) {
            return claim.map(Runs.Claim::run);
        }
        RunView run = claim.get().run();
        Current started = new Current(run, new AtomicInteger(), new AtomicLong(), new AtomicLong(), new AtomicInteger());
        current = started;
        LOG.info("lifecycle: run " + run.id() + " (" + trigger + ") started");
        executor.execute(() -> execute(started, target, trigger.equals("HIGH_WATER")));
        return Optional.of(run);
    }

    /** The run in progress on any node, if any: this node's with its live counters, another's as last recorded. */
    public Optional<RunView> running() {
        Current c = current;
        return c == null ? runs.running(KIND) : Optional.of(view(c));
    }

    public List<RunView> history(int max) {
        return runs.history(KIND, max);
    }

    private RunView view(Current c) {
        Runs.Progress p = c.progress();
        RunView r = c.run();
        return new RunView(r.id(), r.kind(), r.trigger(), r.state(), r.startedAt(), null, p.studies(), p.objects(),
                p.bytes(), p.failures(), null, r.node());
    }

    private void execute(Current run, StorageSystem target, boolean highWater) {
        String state = Runs.DONE;
        String message = null;
        try {
            List<String> hot = hotIds();
            Instant cutoff = highWater ? Instant.now()
                    : Instant.now().minusMillis((long) (ageDays * Duration.ofDays(1).toMillis()));
            long after = 0;
            while (!hot.isEmpty() && (!highWater || aboveHighWater())) {
                List<Long> batch = index.studiesToMove(hot, cutoff, ageBasis, after, Math.max(1, batchSize));
                if (batch.isEmpty()) {
                    break;
                }
                moveBatch(run, batch, target);
                after = batch.get(batch.size() - 1);
                runs.update(run.run().id(), run.progress(), null, null);
            }
            int removed = sweeper.sweepTiers();
            message = removed > 0 ? removed + " orphan object(s) removed" : null;
        } catch (RuntimeException e) {
            state = Runs.INTERRUPTED;
            message = "failed: " + e;
            LOG.log(Level.SEVERE, "lifecycle: run " + run.run().id() + " failed", e);
        } finally {
            RunView done = runs.update(run.run().id(), run.progress(), state, message);
            current = null;
            LOG.info("lifecycle: run " + done.id() + " " + done.state() + ": " + done.studies() + " studies, "
                    + done.objects() + " objects, " + done.bytes() + " bytes moved to '" + target.id() + "', "
                    + done.failures() + " failures" + (message != null ? "; " + message : ""));
        }
    }

    /** Moves the studies of one batch, at most {@code concurrency} at a time. */
    private void moveBatch(Current run, List<Long> batch, StorageSystem target) {
        int parallel = Math.max(1, concurrency);
        for (int from = 0; from < batch.size(); from += parallel) {
            List<Future<StudyMover.Moved>> moving = new ArrayList<>();
            for (Long study : batch.subList(from, Math.min(batch.size(), from + parallel))) {
                moving.add(executor.submit(() -> mover.move(study, StorageSystem.Tier.HOT, target)));
            }
            for (Future<StudyMover.Moved> f : moving) {
                try {
                    StudyMover.Moved moved = f.get();
                    run.studies().incrementAndGet();
                    run.objects().addAndGet(moved.objects());
                    run.bytes().addAndGet(moved.bytes());
                    run.failures().addAndGet(moved.failures());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    run.failures().incrementAndGet();
                    LOG.log(Level.WARNING, "lifecycle: a study's move failed", e.getCause());
                }
            }
        }
    }

    private List<StorageSystem> hotSystems() {
        return systems.all().stream().filter(s -> s.tier() == StorageSystem.Tier.HOT).toList();
    }

    private List<String> hotIds() {
        return hotSystems().stream().map(StorageSystem::id).toList();
    }

    private boolean aboveHighWater() {
        return hotSystems().stream().map(systems::usedPercent).flatMap(Optional::stream)
                .anyMatch(p -> p > highWaterPercent);
    }

    /** The setting {@code strata.lifecycle.target} names no storage system that works. */
    public static final class NoTargetException extends Exception {
        NoTargetException(String message) {
            super(message);
        }
    }
}
