package org.strata.persistence.index;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored instance and where its bytes are: storage, path, size and SHA-256 of the stored file. */
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

    @Column(name = "transfer_syntax", nullable = false)
    private String transferSyntaxUid;

    @Column(name = "storage_id", nullable = false)
    private String storageId;

    @Column(name = "storage_path", nullable = false)
    private String storagePath;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

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
    public String getTransferSyntaxUid() { return transferSyntaxUid; }
    public void setTransferSyntaxUid(String uid) { this.transferSyntaxUid = uid; }
    public String getStorageId() { return storageId; }
    public void setStorageId(String storageId) { this.storageId = storageId; }
    public String getStoragePath() { return storagePath; }
    public void setStoragePath(String storagePath) { this.storagePath = storagePath; }
    public long getSizeBytes() { return sizeBytes; }
    public void setSizeBytes(long sizeBytes) { this.sizeBytes = sizeBytes; }
    public String getSha256() { return sha256; }
    public void setSha256(String sha256) { this.sha256 = sha256; }
    public Instant getReceivedAt() { return receivedAt; }
    public void setReceivedAt(Instant receivedAt) { this.receivedAt = receivedAt; }
}
