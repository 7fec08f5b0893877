package org.strata.ejb.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A storage system in an S3-compatible bucket (AWS, MinIO, Ceph, S3Proxy...), objects under a key prefix. Uses the
 * AWS SDK's blocking client over the JDK's HTTP connection; every call has a timeout, so an unreachable endpoint is
 * an error, never a hang.
 */
final class S3Storage implements StorageSystem, AutoCloseable {
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMinutes(2);

    private final String id;
    private final Tier tier;
    private final String bucket;
    private final String prefix;
    private final S3Client s3;

    /** Settings of one S3 system; {@code endpoint} may be null for AWS itself. */
    record Settings(String endpoint, String region, String bucket, String prefix, String accessKey, String secretKey,
                    boolean pathStyle) {
    }

    S3Storage(String id, Tier tier, Settings settings) {
        this.id = id;
        this.tier = tier;
        this.bucket = settings.bucket();
        String p = settings.prefix() == null ? "" : settings.prefix().strip();
        this.prefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(60)))
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                // Checksums only where S3 demands them: many S3-compatible servers do not know the newer trailers;
                // integrity is ours to check anyway (SHA-256 of every object, read back after each copy).
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle())
                        .chunkedEncodingEnabled(false).build())
                .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT).apiCallAttemptTimeout(ATTEMPT_TIMEOUT));
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.s3 = builder.build();
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
        return "s3";
    }

    @Override
    public void put(String path, Path source) throws IOException {
        try {
            s3.putObject(b -> b.bucket(bucket).key(prefix + path), RequestBody.fromFile(source));
        } catch (SdkException e) {
            throw new IOException("S3 " + id + ": cannot put " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(prefix + path));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(id + ":" + path);
        } catch (SdkException e) {
            throw new IOException("S3 " + id + ": cannot get " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String path) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(prefix + path));
        } catch (SdkException e) {
            throw new IOException("S3 " + id + ": cannot delete " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void forEach(Instant before, Consumer<String> consumer) throws IOException {
        try {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                // Some servers list folder markers ("a/b/"): they are no objects of ours.
                if (!o.key().endsWith("/") && o.lastModified() != null && o.lastModified().isBefore(before)) {
                    consumer.accept(o.key().substring(prefix.length()));
                }
            }
        } catch (SdkException e) {
            throw new IOException("S3 " + id + ": cannot list: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Path> localFile(String path) {
        return Optional.empty();
    }

    @Override
    public String problem() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return null;
        } catch (S3Exception e) {
            String why = switch (e.statusCode()) {
                case 403 -> "access denied (wrong access key or secret key?)";
                case 404 -> "no such bucket";
                default -> e.getMessage();
            };
            return "bucket " + bucket + " refused: HTTP " + e.statusCode() + " " + why;
        } catch (SdkException e) {
            return "bucket " + bucket + " unreachable: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
