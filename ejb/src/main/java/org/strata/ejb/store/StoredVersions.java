package org.strata.ejb.store;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.strata.ejb.storage.LocalFiles;
import org.strata.persistence.index.Instance;
import org.strata.persistence.index.InstanceVersion;
import org.strata.persistence.index.StoredFile;

/**
 * The stored versions of a SOP instance ({@code strata.store.duplicates=KEEP_VERSIONS}): the current one, which
 * queries and retrieves serve, and the superseded ones, which only an administrator sees and fetches here.
 */
@Stateless
public class StoredVersions {
    /** The {@code version} of the current object. */
    public static final String CURRENT = "current";

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    @Inject
    LocalFiles files;

    @EJB
    IndexWriter index;

    /**
     * One stored version: {@code version} is {@link #CURRENT} or the superseded version's key; {@code supersededAt}
     * is null for the current one.
     */
    public record Version(String version, Instant receivedAt, Instant supersededAt, String sopClassUid,
                          String transferSyntaxUid, long sizeBytes, String sha256, String storageId) {
    }

    /** The versions of an instance, current first, then the superseded ones newest first; empty if not stored. */
    public List<Version> of(String sopInstanceUid) {
        Instance current = index.find(sopInstanceUid);
        if (current == null) {
            return List.of();
        }
        List<Version> versions = new ArrayList<>();
        versions.add(version(CURRENT, current.getReceivedAt(), null, current.getSopClassUid(), current.getFile()));
        for (InstanceVersion v : superseded(current)) {
            versions.add(version(String.valueOf(v.getPk()), v.getReceivedAt(), v.getSupersededAt(), v.getSopClassUid(),
                    v.getFile()));
        }
        return versions;
    }

    /**
     * The bytes of one version as a local file, verified against the index (size, SHA-256); empty when the instance
     * or the version is unknown.
     *
     * @throws LocalFiles.DamagedObjectException when the object is missing or damaged: it is never handed out
     */
    public Optional<Path> file(String sopInstanceUid, String version) throws IOException {
        Instance current = index.find(sopInstanceUid);
        if (current == null) {
            return Optional.empty();
        }
        StoredFile f = null;
        if (CURRENT.equals(version)) {
            f = current.getFile();
        } else {
            for (InstanceVersion v : superseded(current)) {
                if (String.valueOf(v.getPk()).equals(version)) {
                    f = v.getFile();
                }
            }
        }
        return f == null ? Optional.empty() : Optional.of(files.of(f.getStorageId(), f.getPath(), f.getSize(),
                f.getSha256()));
    }

    private List<InstanceVersion> superseded(Instance current) {
        return em.createQuery("SELECT v FROM InstanceVersion v WHERE v.instance = :current"
                + " ORDER BY v.supersededAt DESC, v.pk DESC", InstanceVersion.class)
                .setParameter("current", current).getResultList();
    }

    private static Version version(String version, Instant receivedAt, Instant supersededAt, String sopClassUid,
            StoredFile f) {
        return new Version(version, receivedAt, supersededAt, sopClassUid, f.getTransferSyntaxUid(), f.getSize(),
                f.getSha256(), f.getStorageId());
    }
}
