package org.strata.persistence.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The cluster-wide claim on starting a run of one kind ({@code MOVE}, {@code SCRUB}): whoever starts a run locks this
 * row first, so that the check "is a run of this kind RUNNING?" and the insert of a new run are one atomic step across
 * every node on the database.
 */
@Entity
@Table(name = "run_claim")
public class RunClaim {
    @Id
    @Column(name = "kind")
    private String kind;

    /** The scheduled firing (to the minute) that last started a run: a second timer firing for it starts none. */
    @Column(name = "last_scheduled")
    private Instant lastScheduled;

    public String getKind() { return kind; }
    public Instant getLastScheduled() { return lastScheduled; }
    public void setLastScheduled(Instant lastScheduled) { this.lastScheduled = lastScheduled; }
}
