package org.strata.ejb.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.time.Instant;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One place objects are kept: a filesystem folder or an S3-compatible bucket, on the hot or the cold tier. Objects are
 * named by the path the index records ({@code <study>/<series>/<instance>.dcm}), relative to the system's root.
 */
public interface StorageSystem {
    /** Which tier a system belongs to: new objects arrive on hot; the lifecycle moves aged studies to cold. */
    enum Tier { HOT, COLD }

    String id();

    Tier tier();

    /** {@code folder} or {@code s3}. */
    String kind();

    /** Stores a local file under a path, replacing what is there; durable when this returns. */
    void put(String path, Path source) throws IOException;

    /** The object's bytes; {@link java.nio.file.NoSuchFileException} when there is none. */
    InputStream open(String path) throws IOException;

    /** Removes an object; no error when there is none. */
    void delete(String path) throws IOException;

    /** The path of every object the system holds that was last written before {@code before} (for the sweeper). */
    void forEach(Instant before, Consumer<String> path) throws IOException;

    /** The object as a local file, when the system is a folder; empty for object storage. */
    Optional<Path> localFile(String path);

    /** Why the system cannot work now (unreachable, refused, not writable), or null when it can. */
    String problem();

    /** Why the object is not intact (missing, size or SHA-256 not as indexed), or null when it is. */
    default String verify(String path, long size, String sha256) {
        try (InputStream in = open(path)) {
            Digest digest = Digest.of(in);
            if (digest.size() != size) {
                return "size " + digest.size() + " instead of " + size;
            }
            if (!digest.sha256().equalsIgnoreCase(sha256)) {
                return "SHA-256 differs from the index";
            }
            return null;
        } catch (java.nio.file.NoSuchFileException e) {
            return "missing";
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** Size and hex SHA-256 of a stream read to its end. */
    record Digest(long size, String sha256) {
        private static final int BUFFER = 1 << 18;

        public static Digest of(InputStream in) throws IOException {
            MessageDigest sha = newSha256();
            long size = 0;
            byte[] buffer = new byte[BUFFER];
            try (DigestInputStream din = new DigestInputStream(in, sha)) {
                int n;
                while ((n = din.read(buffer)) > 0) {
                    size += n;
                }
            }
            return new Digest(size, HexFormat.of().formatHex(sha.digest()));
        }

        public static MessageDigest newSha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
    }
}
