package org.strata.persistence.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored object found missing or damaged where the index says it is; such an object is never served. */
@Entity
@Table(name = "storage_problem")
public class StorageProblem {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long pk;

    @Column(name = "sop_iuid", nullable = false, unique = true)
    private String sopInstanceUid;

    @Column(name = "storage_id", nullable = false)
    private String storageId;

    @Column(name = "storage_path", nullable = false)
    private String storagePath;

    @Column(name = "problem", nullable = false, length = 512)
    private String problem;

    @Column(name = "found_at", nullable = false)
    private Instant foundAt;

    public Long getPk() { return pk; }
    public String getSopInstanceUid() { return sopInstanceUid; }
    public void setSopInstanceUid(String uid) { this.sopInstanceUid = uid; }
    public String getStorageId() { return storageId; }
    public void setStorageId(String storageId) { this.storageId = storageId; }
    public String getStoragePath() { return storagePath; }
    public void setStoragePath(String storagePath) { this.storagePath = storagePath; }
    public String getProblem() { return problem; }
    public void setProblem(String problem) { this.problem = problem; }
    public Instant getFoundAt() { return foundAt; }
    public void setFoundAt(Instant foundAt) { this.foundAt = foundAt; }
}
