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

/** A stored instance (its current version) and where its bytes are. */
@Entity
@Table(name = "instance")
public class Instance {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long pk;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "series_fk")
    private Series series;

    @Column(name = "sop_iuid", nullable = false, unique = true)
    private String sopInstanceUid;

    @Column(name = "sop_cuid", nullable = false)
    private String sopClassUid;

    @Column(name = "instance_number")
    private Integer instanceNumber;

    @Embedded
    private StoredFile file;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    public Long getPk() { return pk; }
    public Series getSeries() { return series; }
    public void setSeries(Series series) { this.series = series; }
    public String getSopInstanceUid() { return sopInstanceUid; }
    public void setSopInstanceUid(String uid) { this.sopInstanceUid = uid; }
    public String getSopClassUid() { return sopClassUid; }
    public void setSopClassUid(String uid) { this.sopClassUid = uid; }
    public Integer getInstanceNumber() { return instanceNumber; }
    public void setInstanceNumber(Integer instanceNumber) { this.instanceNumber = instanceNumber; }
    public StoredFile getFile() { return file; }
    public void setFile(StoredFile file) { this.file = file; }
    public Instant getReceivedAt() { return receivedAt; }
    public void setReceivedAt(Instant receivedAt) { this.receivedAt = receivedAt; }
}
