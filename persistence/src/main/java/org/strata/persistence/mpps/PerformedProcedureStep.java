package org.strata.persistence.mpps;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A Modality Performed Procedure Step: its SOP instance UID, its status, the study it belongs to (when the modality
 * named one) and all its attributes as an Explicit VR Little Endian data set.
 */
@Entity
@Table(name = "mpps")
public class PerformedProcedureStep {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long pk;

    @Column(name = "sop_iuid", nullable = false, unique = true, length = 64)
    private String sopInstanceUid;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "study_iuid", length = 64)
    private String studyInstanceUid;

    @Column(name = "attributes", nullable = false)
    private byte[] attributes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    public Long getPk() { return pk; }
    public String getSopInstanceUid() { return sopInstanceUid; }
    public void setSopInstanceUid(String uid) { this.sopInstanceUid = uid; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getStudyInstanceUid() { return studyInstanceUid; }
    public void setStudyInstanceUid(String uid) { this.studyInstanceUid = uid; }
    public byte[] getAttributes() { return attributes; }
    public void setAttributes(byte[] attributes) { this.attributes = attributes; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
