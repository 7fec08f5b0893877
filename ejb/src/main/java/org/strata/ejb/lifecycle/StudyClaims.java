package org.strata.ejb.lifecycle;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.strata.persistence.index.Study;
import org.strata.persistence.storage.StudyMoveClaim;

/**
 * Claims on studies being moved between tiers, shared by every node on the database (a nightly move on one node and a
 * recall-on-read on another must not cross). A claim is a {@code study_move_claim} row written in a short transaction
 * of its own, not a lock held while the objects are copied: a copy takes seconds to minutes, and a study row locked
 * that long would stall every store into the study. The short transaction locks the study row (SELECT ... FOR UPDATE)
 * only to make "no claim yet, so insert mine" atomic between nodes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class StudyClaims {
    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    /**
     * Claims the study for the move {@code token}; false while another move holds it. A claim older than {@code lease}
     * is of a node that died during a move and never came back: it is taken over.
     */
    public boolean claim(long studyPk, String token, Duration lease) {
        if (em.find(Study.class, studyPk, LockModeType.PESSIMISTIC_WRITE) == null) {
            return true; // the study is gone: its move finds nothing to do
        }
        Instant now = Instant.now();
        StudyMoveClaim held = em.find(StudyMoveClaim.class, studyPk);
        if (held != null) {
            if (held.getClaimedAt().isAfter(now.minus(lease))) {
                return false;
            }
            em.remove(held);
            em.flush();
        }
        em.persist(new StudyMoveClaim(studyPk, Runs.node(), token, now));
        return true;
    }

    /** Tells other nodes the move {@code token} is still at it, so that a long move's claim never looks stale. */
    public void renew(long studyPk, String token) {
        em.createQuery("UPDATE StudyMoveClaim c SET c.claimedAt = :now WHERE c.studyPk = :study AND c.token = :token")
                .setParameter("now", Instant.now()).setParameter("study", studyPk).setParameter("token", token)
                .executeUpdate();
    }

    public void release(long studyPk, String token) {
        em.createQuery("DELETE FROM StudyMoveClaim c WHERE c.studyPk = :study AND c.token = :token")
                .setParameter("study", studyPk).setParameter("token", token).executeUpdate();
    }

    /** Drops the claims this node left when it stopped during moves; at start, before this node moves anything. */
    public int releaseOwn() {
        return em.createQuery("DELETE FROM StudyMoveClaim c WHERE c.nodeName = :node")
                .setParameter("node", Runs.node()).executeUpdate();
    }
}
