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
import java.time.LocalDate;
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
 * is cleared.
 */
@Singleton
@Startup
@DependsOn("SchemaStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScrubService {
    static final String KIND = "SCRUB";
    private static final Logger LOG = Logger.getLogger(ScrubService.class.getName());
    private static final int PAGE = 500;

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

    private final AtomicReference<RunView> current = new AtomicReference<>();

    @PostConstruct
    void init() {
        runs.interruptLeftovers(KIND);
        for (Timer t : timers.getTimers()) {
            t.cancel();
        }
        timers.createCalendarTimer(CronSchedule.parse("strata.scrub.schedule", schedule),
                new TimerConfig(KIND, true));
    }

    @Timeout
    void timeout(Timer timer) {
        start("SCHEDULE", dailySharePercent);
    }

    /** Starts a scrub of {@code sharePercent} of the objects unless one is in progress; returns the one in progress. */
    public RunView start(String trigger, int sharePercent) {
        RunView running = current.get();
        if (running != null) {
            return running;
        }
        RunView run = runs.start(KIND, trigger);
        current.set(run);
        int share = Math.max(1, Math.min(100, sharePercent));
        executor.execute(() -> execute(run, share));
        return run;
    }

    public Optional<RunView> running() {
        return Optional.ofNullable(current.get());
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
