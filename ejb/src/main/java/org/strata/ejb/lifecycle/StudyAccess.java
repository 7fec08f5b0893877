package org.strata.ejb.lifecycle;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Records that studies were read, for {@code strata.lifecycle.age-basis=accessed}. A study's last access is kept to
 * within {@link #GRANULARITY}: a read writes only when the stored time is older, so a busy study costs one update an
 * hour, not one per read.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW) // short, and apart from whatever the reader does
public class StudyAccess {
    private static final Duration GRANULARITY = Duration.ofHours(1);

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    /** Sets the last access of these studies to now where it is unset or older than the granularity. */
    public void recordRead(Collection<Long> studyPks) {
        if (studyPks.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        em.createQuery("UPDATE Study st SET st.lastAccessedAt = :now WHERE st.pk IN :pks"
                        + " AND (st.lastAccessedAt IS NULL OR st.lastAccessedAt < :stale)")
                .setParameter("now", now).setParameter("pks", studyPks)
                .setParameter("stale", now.minus(GRANULARITY)).executeUpdate();
    }
}
