package org.strata.ejb.store;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.lang.management.ManagementFactory;
import java.util.logging.Logger;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;
import org.strata.dicom.io.Part10;
import org.strata.persistence.index.Instance;

/**
 * Settles what a crash left in the hot tier's {@code .incoming/} folder before the archive accepts objects again:
 * a file the index already points at (the crash came between commit and rename) is moved into place; any other
 * file was never acknowledged and is removed. No index row is left pointing at a missing file.
 */
@Singleton
@Startup
@DependsOn("SchemaStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrphanSweeper {
    private static final Logger LOG = Logger.getLogger(OrphanSweeper.class.getName());

    @Inject
    HotTier hot;

    @EJB
    IndexWriter index;

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

    private boolean finish(Path part) throws IOException {
        Dataset header;
        try {
            header = Part10.readHeader(part).dataset();
        } catch (IOException e) {
            return false;
        }
        Instance row = index.find(header.getString(Tags.SOPInstanceUID));
        if (row == null || !HotTier.ID.equals(row.getStorageId())
                || Files.exists(hot.root().resolve(row.getStoragePath()))
                || row.getSizeBytes() != Files.size(part)
                || !row.getSha256().equals(HotTier.sha256Of(part))) {
            return false;
        }
        hot.commit(new StoredFile(part, row.getSizeBytes(), row.getSha256()), row.getStoragePath());
        return true;
    }
}
