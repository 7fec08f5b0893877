package org.strata.persistence.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A study being moved between tiers by one node: no other move of it starts until the row is gone (or stale). */
@Entity
@Table(name = "study_move_claim")
public class StudyMoveClaim {
    @Id
    @Column(name = "study_fk")
    private Long studyPk;

    @Column(name = "node_name", nullable = false, length = 64)
    private String nodeName;

    /** Identifies the one move holding the claim (a node may move several studies at once). */
    @Column(name = "token", nullable = false, length = 36)
    private String token;

    @Column(name = "claimed_at", nullable = false)
    private Instant claimedAt;

    protected StudyMoveClaim() {
    }

    public StudyMoveClaim(Long studyPk, String nodeName, String token, Instant claimedAt) {
        this.studyPk = studyPk;
        this.nodeName = nodeName;
        this.token = token;
        this.claimedAt = claimedAt;
    }

    public Long getStudyPk() { return studyPk; }
    public String getNodeName() { return nodeName; }
    public String getToken() { return token; }
    public Instant getClaimedAt() { return claimedAt; }
}
