package org.strata.ejb.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives every stored object as a local file, whatever system holds it: a folder system's own file, or a copy of an
 * object-storage object fetched into a bounded read cache (setting {@code strata.storage.read-cache.path}, trimmed to
 * {@code strata.storage.read-cache.max-mb}). A fetched copy is verified against the index's size and SHA-256 before
 * it is handed out; a damaged object is never handed out.
 */
@ApplicationScoped
public class LocalFiles {
    private static final Logger LOG = Logger.getLogger(LocalFiles.class.getName());
    /** A cached file younger than this may still be in use by a reader and is not trimmed. */
    private static final Duration IN_USE = Duration.ofMinutes(10);

    @Inject
    StorageSystems systems;

    @Inject
    @ConfigProperty(name = "strata.storage.read-cache.path")
    String cachePath;

    @Inject
    @ConfigProperty(name = "strata.storage.read-cache.max-mb", defaultValue = "1024")
    long cacheMaxMb;

    /**
     * The object's bytes as a local file.
     *
     * @throws DamagedObjectException when the object is missing or its size or SHA-256 differ from the index
     * @throws IOException when the storage system cannot be read
     */
    public Path of(String storageId, String path, long size, String sha256) throws IOException {
        StorageSystem system = systems.get(storageId);
        var local = system.localFile(path);
        if (local.isPresent()) {
            Path file = local.get();
            if (!Files.isRegularFile(file)) {
                throw new DamagedObjectException(storageId, path, "missing");
            }
            if (Files.size(file) != size) {
                throw new DamagedObjectException(storageId, path, "size " + Files.size(file) + " instead of " + size);
            }
            return file;
        }
        return fetch(system, path, size, sha256);
    }

    private Path fetch(StorageSystem system, String path, long size, String sha256) throws IOException {
        Path root = Path.of(cachePath);
        Path file = root.resolve(system.id()).resolve(path).normalize();
        if (!file.startsWith(root)) {
            throw new IOException("storage path leaves the read cache: " + path);
        }
        if (Files.isRegularFile(file) && Files.size(file) == size) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            return file;
        }
        Files.createDirectories(file.getParent());
        Path part = file.resolveSibling("." + file.getFileName() + "." + System.nanoTime() + ".part");
        try {
            MessageDigest sha = StorageSystem.Digest.newSha256();
            long copied;
            try (InputStream in = system.open(path);
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha)) {
                copied = in.transferTo(out);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new DamagedObjectException(system.id(), path, "missing");
            }
            if (copied != size) {
                throw new DamagedObjectException(system.id(), path, "size " + copied + " instead of " + size);
            }
            if (!HexFormat.of().formatHex(sha.digest()).equalsIgnoreCase(sha256)) {
                throw new DamagedObjectException(system.id(), path, "SHA-256 differs from the index");
            }
            try {
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
        trim(root);
        return file;
    }

    /** Removes the least recently used cached files not in use while the cache is above its size. */
    private void trim(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(LocalFiles::modified))
                    .toList();
            long total = 0;
            for (Path f : files) {
                total += Files.size(f);
            }
            long max = cacheMaxMb * 1024 * 1024;
            Instant inUse = Instant.now().minus(IN_USE);
            for (Path f : files) {
                if (total <= max || modified(f).toInstant().isAfter(inUse)) {
                    break;
                }
                total -= Files.size(f);
                Files.deleteIfExists(f);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warning("cannot trim the read cache " + root + ": " + e);
        }
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** A stored object that is missing or not what the index says it is. */
    public static final class DamagedObjectException extends IOException {
        public DamagedObjectException(String storageId, String path, String why) {
            super("object " + path + " on storage '" + storageId + "' is damaged: " + why);
        }
    }
}
