package org.strata.ejb.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A storage system in a filesystem folder (local disk or a mounted NAS). Writes go to a temporary name beside the
 * target, are synced and then renamed, so a path either holds a whole object or nothing.
 */
final class FolderStorage implements StorageSystem {
    /** Folders below the root that hold no indexed objects (the hot tier's arrivals, partial copies). */
    static final String HIDDEN_PREFIX = ".";

    private final String id;
    private final Tier tier;
    private final Path root;

    FolderStorage(String id, Tier tier, Path root) {
        this.id = id;
        this.tier = tier;
        this.root = root;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Tier tier() {
        return tier;
    }

    @Override
    public String kind() {
        return "folder";
    }

    Path root() {
        return root;
    }

    @Override
    public void put(String path, Path source) throws IOException {
        Path target = resolve(path);
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(HIDDEN_PREFIX + target.getFileName() + "." + System.nanoTime() + ".part");
        try {
            Files.copy(source, part);
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some filesystems cannot sync a directory; the rename is done all the same.
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        return Files.newInputStream(resolve(path));
    }

    @Override
    public void delete(String path) throws IOException {
        Files.deleteIfExists(resolve(path));
    }

    @Override
    public void forEach(Instant before, Consumer<String> consumer) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> Files.isRegularFile(f) && modified(f).isBefore(before))
                    .map(f -> root.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                    .filter(p -> !p.startsWith(HIDDEN_PREFIX) && !p.contains("/" + HIDDEN_PREFIX))
                    .forEach(consumer);
        }
    }

    private static Instant modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toInstant();
        } catch (IOException e) {
            return Instant.MAX; // gone or unreadable: not the sweeper's to judge
        }
    }

    @Override
    public Optional<Path> localFile(String path) {
        return Optional.of(resolve(path));
    }

    @Override
    public String problem() {
        try {
            Files.createDirectories(root);
            Path probe = Files.createTempFile(root, HIDDEN_PREFIX + "probe", ".tmp");
            Files.delete(probe);
            return null;
        } catch (IOException | SecurityException e) {
            return "folder " + root + " is not a writable folder: " + e;
        }
    }

    /** Free bytes of the filesystem the folder is on. */
    long usableBytes() throws IOException {
        Files.createDirectories(root);
        return Files.getFileStore(root).getUsableSpace();
    }

    /** Total bytes of the filesystem the folder is on. */
    long totalBytes() throws IOException {
        Files.createDirectories(root);
        return Files.getFileStore(root).getTotalSpace();
    }

    private Path resolve(String path) {
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root.normalize())) {
            throw new IllegalArgumentException("storage path leaves the root: " + path);
        }
        return p;
    }
}
