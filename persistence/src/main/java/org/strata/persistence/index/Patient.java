package org.strata.persistence.index;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A patient as the index knows it: identified by Patient ID within its issuer. */
@Entity
@Table(name = "patient")
public class Patient {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long pk;

    @Column(name = "patient_id")
    private String patientId;

    @Column(name = "issuer")
    private String issuer;

    @Column(name = "patient_name")
    private String patientName;

    /** The name upper-cased (Locale.ROOT), for matching without regard to case. */
    @Column(name = "patient_name_match")
    private String patientNameMatch;

    /** Phonetic keys of the name's components, each between spaces, for fuzzy matching. */
    @Column(name = "patient_name_fuzzy")
    private String patientNameFuzzy;

    @Column(name = "birth_date")
    private String birthDate;

    @Column(name = "sex")
    private String sex;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    public Long getPk() { return pk; }
    public String getPatientId() { return patientId; }
    public void setPatientId(String patientId) { this.patientId = patientId; }
    public String getIssuer() { return issuer; }
    public void setIssuer(String issuer) { this.issuer = issuer; }
    public String getPatientName() { return patientName; }
    public void setPatientName(String patientName) { this.patientName = patientName; }
    public String getPatientNameMatch() { return patientNameMatch; }
    public void setPatientNameMatch(String patientNameMatch) { this.patientNameMatch = patientNameMatch; }
    public String getPatientNameFuzzy() { return patientNameFuzzy; }
    public void setPatientNameFuzzy(String patientNameFuzzy) { this.patientNameFuzzy = patientNameFuzzy; }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String birthDate) { this.birthDate = birthDate; }
    public String getSex() { return sex; }
    public void setSex(String sex) { this.sex = sex; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
