package org.strata.ejb.lifecycle;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.strata.ejb.storage.LocalFiles;
import org.strata.ejb.storage.StorageSystem;
import org.strata.ejb.storage.StorageSystems;

/**
 * Moves a study's objects from the systems of one tier to one target system, crash-safe: copy, verify the copy's size
 * and SHA-256 on the target, switch the index to the copies in one transaction, then delete the originals. A crash at
 * any step leaves at worst an extra copy, which a rerun overwrites or the orphan sweep removes; no index row ever
 * points at a copy that was not verified.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StudyMover {
    private static final Logger LOG = Logger.getLogger(StudyMover.class.getName());
    private static final long CLAIM_POLL_MILLIS = 250;
    private static final long CLAIM_RENEW_NANOS = Duration.ofMinutes(1).toNanos();

    @Inject
    StorageSystems systems;

    @Inject
    LocalFiles files;

    @EJB
    LifecycleIndex index;

    @EJB
    StudyClaims claims;

    @Inject
    @ConfigProperty(name = "strata.cluster.lease-minutes", defaultValue = "10")
    long leaseMinutes;

    /** What one study's move did. */
    public record Moved(int objects, long bytes, int failures) {
    }

    /**
     * Moves the study's objects that are on systems of tier {@code from} to {@code target}, once no other move of the
     * study runs on any node (waiting for it at most {@code strata.cluster.lease-minutes}).
     */
    public Moved move(long studyPk, StorageSystem.Tier from, StorageSystem target) {
        String token = UUID.randomUUID().toString();
        Duration lease = Duration.ofMinutes(leaseMinutes);
        long deadline = System.nanoTime() + lease.toNanos();
        while (!claims.claim(studyPk, token, lease)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("study " + studyPk + " stayed claimed by another move for " + lease);
            }
            try {
                Thread.sleep(CLAIM_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for study " + studyPk, e);
            }
        }
        try {
            return moveClaimed(studyPk, token, from, target);
        } finally {
            claims.release(studyPk, token);
        }
    }

    private Moved moveClaimed(long studyPk, String token, StorageSystem.Tier from, StorageSystem target) {
        List<String> sources = systems.all().stream().filter(s -> s.tier() == from && s != target)
                .map(StorageSystem::id).toList();
        if (sources.isEmpty()) {
            return new Moved(0, 0, 0);
        }
        List<StoredObject> copied = new ArrayList<>();
        int failures = 0;
        long renewed = System.nanoTime();
        for (StoredObject o : index.objectsOf(studyPk, sources)) {
            if (System.nanoTime() - renewed > CLAIM_RENEW_NANOS) {
                claims.renew(studyPk, token);
                renewed = System.nanoTime();
            }
            try {
                Path file = files.of(o.storageId(), o.path(), o.size(), o.sha256());
                target.put(o.path(), file);
                String problem = target.verify(o.path(), o.size(), o.sha256());
                if (problem != null) {
                    target.delete(o.path());
                    throw new IOException("the copy on '" + target.id() + "' is not intact: " + problem);
                }
                copied.add(o);
            } catch (IOException e) {
                failures++;
                LOG.warning("lifecycle: " + o.sopInstanceUid() + " stays on '" + o.storageId() + "': " + e.getMessage());
            }
        }
        Set<StoredObject> switched = new HashSet<>(index.switchTo(target.id(), copied));
        long bytes = 0;
        for (StoredObject o : copied) {
            try {
                if (switched.contains(o)) {
                    bytes += o.size();
                    systems.get(o.storageId()).delete(o.path());
                } else {
                    target.delete(o.path()); // replaced meanwhile: the index points elsewhere
                }
            } catch (IOException e) {
                LOG.warning("lifecycle: cannot delete a copy of " + o.sopInstanceUid() + " (the orphan sweep will): "
                        + e.getMessage());
            }
        }
        return new Moved(switched.size(), bytes, failures);
    }
}
