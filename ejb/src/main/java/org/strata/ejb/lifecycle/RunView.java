package org.strata.ejb.lifecycle;

import java.time.Instant;
import org.strata.persistence.storage.LifecycleRun;

/** A lifecycle or scrub run as the admin REST endpoints show it, with the node that runs (or ran) it. */
public record RunView(long id, String kind, String trigger, String state, Instant startedAt, Instant finishedAt,
                      int studies, long objects, long bytes, int failures, String message, String node) {

    static RunView of(LifecycleRun r) {
        return new RunView(r.getPk(), r.getKind(), r.getTrigger(), r.getState(), r.getStartedAt(), r.getFinishedAt(),
                r.getStudies(), r.getObjects(), r.getBytes(), r.getFailures(), r.getMessage(), r.getNodeName());
    }
}
