package org.strata.persistence.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One run of the storage lifecycle (a hot-to-cold move) or of the scrub: what started it, how far it got. */
@Entity
@Table(name = "lifecycle_run")
public class LifecycleRun {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long pk;

    /** {@code MOVE} or {@code SCRUB}. */
    @Column(name = "kind", nullable = false)
    private String kind;

    /** {@code SCHEDULE}, {@code ADMIN} or {@code HIGH_WATER}. */
    @Column(name = "trigger_name", nullable = false)
    private String trigger;

    /** {@code RUNNING}, {@code DONE} or {@code INTERRUPTED} (the server stopped during the run). */
    @Column(name = "state", nullable = false)
    private String state;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "studies", nullable = false)
    private int studies;

    @Column(name = "objects", nullable = false)
    private long objects;

    @Column(name = "bytes", nullable = false)
    private long bytes;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "message", length = 1024)
    private String message;

    /** The node ({@code jboss.node.name}) that runs it; null for runs from before clustering. */
    @Column(name = "node_name", length = 64)
    private String nodeName;

    /** When the running node last said it is still at it (progress or its minute tick). */
    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    public Long getPk() { return pk; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getTrigger() { return trigger; }
    public void setTrigger(String trigger) { this.trigger = trigger; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public Instant getStartedAt() { return startedAt; }
    public void setStartedAt(Instant startedAt) { this.startedAt = startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public void setFinishedAt(Instant finishedAt) { this.finishedAt = finishedAt; }
    public int getStudies() { return studies; }
    public void setStudies(int studies) { this.studies = studies; }
    public long getObjects() { return objects; }
    public void setObjects(long objects) { this.objects = objects; }
    public long getBytes() { return bytes; }
    public void setBytes(long bytes) { this.bytes = bytes; }
    public int getFailures() { return failures; }
    public void setFailures(int failures) { this.failures = failures; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
    public String getNodeName() { return nodeName; }
    public void setNodeName(String nodeName) { this.nodeName = nodeName; }
    public Instant getHeartbeatAt() { return heartbeatAt; }
    public void setHeartbeatAt(Instant heartbeatAt) { this.heartbeatAt = heartbeatAt; }
}
