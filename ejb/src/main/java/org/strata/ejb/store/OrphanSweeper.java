package org.strata.ejb.store;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.io.Part10;
import org.strata.ejb.storage.StorageSystem;
import org.strata.ejb.storage.StorageSystems;
import org.strata.persistence.index.Instance;
import org.strata.persistence.index.StoredFile;

/**
 * Settles what a crash left in the hot tier's {@code .incoming/} folder before the archive accepts objects again:
 * a file the index already points at (the crash came between commit and rename) is moved into place; any other
 * file was never acknowledged and is removed. No index row is left pointing at a missing file. After each lifecycle
 * run it also sweeps every storage system of objects no index row points at (what a crash during a move leaves).
 */
@Singleton
@Startup
@DependsOn("SchemaStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrphanSweeper {
    private static final Logger LOG = Logger.getLogger(OrphanSweeper.class.getName());
    private static final int SWEEP_CHUNK = 500;

    @Inject
    HotTier hot;

    @EJB
    IndexWriter index;

    @Inject
    StorageSystems systems;

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    @PostConstruct
    void sweep() {
        // Objects may already be arriving: only files older than this start are a crash's leftovers.
        FileTime started = FileTime.fromMillis(ManagementFactory.getRuntimeMXBean().getStartTime());
        Path incoming = hot.root().resolve(HotTier.INCOMING);
        if (!Files.isDirectory(incoming)) {
            return;
        }
        int finished = 0;
        int removed = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(incoming, "*" + HotTier.PART_SUFFIX)) {
            for (Path part : parts) {
                if (Files.getLastModifiedTime(part).compareTo(started) >= 0) {
                    continue;
                }
                if (finish(part)) {
                    finished++;
                } else {
                    Files.deleteIfExists(part);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sweep " + incoming, e);
        }
        if (finished + removed > 0) {
            LOG.info("Hot tier after a crash: " + finished + " committed object(s) moved into place, " + removed
                    + " unacknowledged partial file(s) removed");
        }
    }

    /**
     * Removes from every storage system the objects that no index row points at. Only objects written before this
     * server started, or more than an hour ago, are judged: younger ones may belong to a move or store in progress.
     *
     * @return how many objects were removed
     */
    public int sweepTiers() {
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        Instant before = started.isAfter(hourAgo) ? started : hourAgo;
        int removed = 0;
        for (StorageSystem system : systems.all()) {
            List<String> chunk = new ArrayList<>();
            int[] count = {0};
            try {
                system.forEach(before, path -> {
                    chunk.add(path);
                    if (chunk.size() == SWEEP_CHUNK) {
                        count[0] += removeUnindexed(system, chunk);
                        chunk.clear();
                    }
                });
                count[0] += removeUnindexed(system, chunk);
            } catch (IOException | UncheckedIOException e) {
                LOG.warning("orphan sweep of storage '" + system.id() + "' incomplete: " + e.getMessage());
            }
            if (count[0] > 0) {
                LOG.info("orphan sweep: " + count[0] + " object(s) no index row points at removed from '"
                        + system.id() + "'");
            }
            removed += count[0];
        }
        return removed;
    }

    private int removeUnindexed(StorageSystem system, List<String> paths) {
        if (paths.isEmpty()) {
            return 0;
        }
        Set<String> indexed = new HashSet<>();
        // Superseded versions (strata.store.duplicates=KEEP_VERSIONS) are indexed objects too.
        for (String entity : List.of("Instance", "InstanceVersion")) {
            indexed.addAll(em.createQuery("SELECT i.file.path FROM " + entity + " i"
                            + " WHERE i.file.storageId = :id AND i.file.path IN :paths", String.class)
                    .setParameter("id", system.id()).setParameter("paths", paths).getResultList());
        }
        int removed = 0;
        for (String path : paths) {
            if (!indexed.contains(path)) {
                try {
                    system.delete(path);
                    removed++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return removed;
    }

    private boolean finish(Path part) throws IOException {
        Dataset header;
        try {
            header = Part10.readHeader(part).dataset();
        } catch (IOException e) {
            return false;
        }
        Instance row = index.find(header.getString(Tags.SOPInstanceUID));
        StoredFile stored = row == null ? null : row.getFile();
        if (stored == null || !HotTier.ID.equals(stored.getStorageId())
                || Files.exists(hot.root().resolve(stored.getPath()))
                || stored.getSize() != Files.size(part)
                || !stored.getSha256().equals(HotTier.sha256Of(part))) {
            return false;
        }
        hot.commit(new ReceivedFile(part, stored.getSize(), stored.getSha256()), stored.getPath());
        return true;
    }
}
