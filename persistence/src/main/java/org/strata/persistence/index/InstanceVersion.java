package org.strata.persistence.index;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An earlier version of an {@link Instance}: still stored, superseded by an object with the same SOP Instance UID
 * and other content. Queries and retrieves see the current version only.
 */
@Entity
@Table(name = "instance_version")
public class InstanceVersion {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long pk;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "instance_fk")
    private Instance instance;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "series_fk")
    private Series series;

    @Column(name = "sop_cuid", nullable = false)
    private String sopClassUid;

    @Embedded
    private StoredFile file;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "superseded_at", nullable = false)
    private Instant supersededAt;

    protected InstanceVersion() {
    }

    /** The version {@code current} holds now, superseded at {@code when}. */
    public static InstanceVersion of(Instance current, Instant when) {
        InstanceVersion v = new InstanceVersion();
        v.instance = current;
        v.series = current.getSeries();
        v.sopClassUid = current.getSopClassUid();
        v.file = current.getFile();
        v.receivedAt = current.getReceivedAt();
        v.supersededAt = when;
        return v;
    }

    public Long getPk() { return pk; }
    public Instance getInstance() { return instance; }
    public Series getSeries() { return series; }
    public String getSopClassUid() { return sopClassUid; }
    public StoredFile getFile() { return file; }
    public Instant getReceivedAt() { return receivedAt; }
    public Instant getSupersededAt() { return supersededAt; }
}
