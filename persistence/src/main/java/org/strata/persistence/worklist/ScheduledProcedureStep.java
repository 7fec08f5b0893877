package org.strata.persistence.worklist;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One Scheduled Procedure Step of the Modality Worklist: the attributes worklist queries narrow by, its status
 * (SCHEDULED or CANCELLED) and the whole worklist item as DICOM JSON, whose Scheduled Procedure Step Sequence holds
 * exactly this step.
 */
@Entity
@Table(name = "worklist_sps")
public class ScheduledProcedureStep {
    /** A step a modality may be given. */
    public static final String SCHEDULED = "SCHEDULED";
    /** A step withdrawn by an administrator: it matches no query any more. */
    public static final String CANCELLED = "CANCELLED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long pk;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "patient_id", nullable = false, length = 64)
    private String patientId;

    @Column(name = "patient_name", length = 324)
    private String patientName;

    @Column(name = "birth_date", length = 8)
    private String birthDate;

    @Column(name = "sex", length = 16)
    private String sex;

    @Column(name = "accession_number", length = 16)
    private String accessionNumber;

    @Column(name = "requested_procedure_id", nullable = false, length = 16)
    private String requestedProcedureId;

    @Column(name = "requested_procedure_desc", length = 64)
    private String requestedProcedureDescription;

    @Column(name = "study_iuid", nullable = false, length = 64)
    private String studyInstanceUid;

    @Column(name = "referring_physician", length = 324)
    private String referringPhysician;

    @Column(name = "sps_id", nullable = false, length = 16)
    private String stepId;

    @Column(name = "station_ae", nullable = false, length = 16)
    private String stationAeTitle;

    @Column(name = "modality", nullable = false, length = 16)
    private String modality;

    @Column(name = "start_date", nullable = false, length = 8)
    private String startDate;

    @Column(name = "start_time", nullable = false, length = 16)
    private String startTime;

    @Column(name = "performing_physician", length = 324)
    private String performingPhysician;

    @Column(name = "sps_description", length = 64)
    private String stepDescription;

    @Column(name = "item", nullable = false, length = 1000000)
    private String item;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    public Long getPk() { return pk; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getPatientId() { return patientId; }
    public void setPatientId(String patientId) { this.patientId = patientId; }
    public String getPatientName() { return patientName; }
    public void setPatientName(String patientName) { this.patientName = patientName; }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String birthDate) { this.birthDate = birthDate; }
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = sex; }
    public String getAccessionNumber() { return accessionNumber; }
    public void setAccessionNumber(String accessionNumber) { this.accessionNumber = accessionNumber; }
    public String getRequestedProcedureId() { return requestedProcedureId; }
    public void setRequestedProcedureId(String id) { this.requestedProcedureId = id; }
    public String getRequestedProcedureDescription() { return requestedProcedureDescription; }
    public void setRequestedProcedureDescription(String d) { this.requestedProcedureDescription = d; }
    public String getStudyInstanceUid() { return studyInstanceUid; }
    public void setStudyInstanceUid(String uid) { this.studyInstanceUid = uid; }
    public String getReferringPhysician() { return referringPhysician; }
    public void setReferringPhysician(String name) { this.referringPhysician = name; }
    public String getStepId() { return stepId; }
    public void setStepId(String stepId) { this.stepId = stepId; }
    public String getStationAeTitle() { return stationAeTitle; }
    public void setStationAeTitle(String aeTitle) { this.stationAeTitle = aeTitle; }
    public String getModality() { return modality; }
    public void setModality(String modality) { this.modality = modality; }
    public String getStartDate() { return startDate; }
    public void setStartDate(String startDate) { this.startDate = startDate; }
    public String getStartTime() { return startTime; }
    public void setStartTime(String startTime) { this.startTime = startTime; }
    public String getPerformingPhysician() { return performingPhysician; }
    public void setPerformingPhysician(String name) { this.performingPhysician = name; }
    public String getStepDescription() { return stepDescription; }
    public void setStepDescription(String d) { this.stepDescription = d; }
    public String getItem() { return item; }
    public void setItem(String item) { this.item = item; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
