package org.strata.ejb.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.strata.dicom.io.DicomWriter;
import org.strata.dicom.io.FileMetaInformation;
import org.strata.ejb.storage.StorageSystem;

/**
 * The hot storage tier: a folder (setting {@code strata.storage.hot.path}) holding each object as a Part 10 file
 * at {@code <study>/<series>/<instance>.dcm}. An arriving object is written to {@code .incoming/} and synced, and
 * renamed into place only after the index has committed it, so a file outside {@code .incoming/} is always an
 * indexed object ({@link OrphanSweeper} settles what a crash leaves in {@code .incoming/}).
 */
@ApplicationScoped
public class HotTier {
    /** Storage id recorded in the index for objects on this tier. */
    public static final String ID = "hot";
    static final String INCOMING = ".incoming";
    static final String PART_SUFFIX = ".part";
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final int COPY_BUFFER = 1 << 18;

    @Inject
    @ConfigProperty(name = "strata.storage.hot.path")
    String path;

    @Inject
    @ConfigProperty(name = "strata.storage.hot.reserve-mb", defaultValue = "1024")
    long reserveMb;

    public Path root() {
        return Path.of(path);
    }

    /** Why the tier cannot take another object now, or null when it can. */
    String refusal() {
        try {
            Files.createDirectories(root());
            long usable = Files.getFileStore(root()).getUsableSpace();
            if (usable < reserveMb * 1024 * 1024) {
                return "hot tier below its reserve (" + usable / (1024 * 1024) + " MB free, reserve " + reserveMb + " MB)";
            }
            return null;
        } catch (IOException e) {
            return "hot tier unusable: " + e.getMessage();
        }
    }

    /**
     * Writes File Meta Information and then the data set bytes exactly as they arrive into {@code .incoming/}, syncs
     * the file, and returns it with its size and SHA-256. The data set is never held in memory.
     */
    ReceivedFile write(StoreRequest request, InputStream dataset) throws IOException {
        String instance = checkUid(request.sopInstanceUid());
        Path incoming = root().resolve(INCOMING);
        Files.createDirectories(incoming);
        Path part = incoming.resolve(instance + "." + System.nanoTime() + PART_SUFFIX);
        MessageDigest sha256 = StorageSystem.Digest.newSha256();
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), sha256);
            FileMetaInformation meta = FileMetaInformation.create(request.sopClassUid(), instance,
                    request.transferSyntaxUid());
            // Nothing sender-specific goes into the meta: the same object sent twice gives the same file and hash.
            new DicomWriter(out).writeFileMetaInformation(meta);
            byte[] buffer = new byte[COPY_BUFFER];
            int n;
            while ((n = dataset.readNBytes(buffer, 0, buffer.length)) > 0) {
                out.write(buffer, 0, n);
            }
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        return new ReceivedFile(part, Files.size(part), HexFormat.of().formatHex(sha256.digest()));
    }

    /**
     * Where an object of these UIDs goes, relative to the root. A newcomer for a stored SOP Instance UID (a replacement
     * or a new version) gets a name of its own, never one an earlier object had: the earlier one may still be stored,
     * here or, moved by the lifecycle under the same path, on another tier.
     */
    String placeFor(String studyUid, String seriesUid, String instanceUid, boolean replacing) throws IOException {
        String folder = checkUid(studyUid) + "/" + checkUid(seriesUid) + "/";
        String name = checkUid(instanceUid) + ".dcm";
        if (replacing || Files.exists(root().resolve(folder + name))) {
            long stamp = System.currentTimeMillis();
            do {
                name = instanceUid + "." + stamp++ + ".dcm";
            } while (Files.exists(root().resolve(folder + name)));
        }
        return folder + name;
    }

    /** Renames a committed file into its place and syncs the folder, so the rename itself survives a crash. */
    void commit(ReceivedFile file, String place) throws IOException {
        Path target = root().resolve(place);
        Files.createDirectories(target.getParent());
        try {
            Files.move(file.part(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file.part(), target);
        }
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some filesystems cannot sync a directory; the rename is done all the same.
        }
    }

    void discard(ReceivedFile file) throws IOException {
        Files.deleteIfExists(file.part());
    }

    private static String checkUid(String uid) throws IOException {
        if (uid == null || uid.length() > 64 || !UID.matcher(uid).matches()) {
            throw new InvalidUidException(uid);
        }
        return uid;
    }

    /** Hex SHA-256 of a file's bytes. */
    public static String sha256Of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return StorageSystem.Digest.of(in).sha256();
        }
    }

    /** A UID that is not one (and must never become a path). */
    static final class InvalidUidException extends IOException {
        InvalidUidException(String uid) {
            super("not a valid UID: " + (uid == null ? "(missing)" : uid.length() > 80 ? uid.substring(0, 80) + "..." : uid));
        }
    }
}
