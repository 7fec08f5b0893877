package org.strata.ejb.storage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The storage systems the settings define: {@code strata.storage.systems} (default {@code hot,cold}) names them, and
 * {@code strata.storage.<id>.*} describes each ({@code kind} folder or s3, {@code tier} hot or cold, {@code path} of a
 * folder, {@code endpoint}, {@code region}, {@code bucket}, {@code prefix}, {@code access-key}, {@code secret-key},
 * {@code path-style} of a bucket). A system whose settings cannot work is kept with its problem, reported at start
 * and on the health endpoint; the others serve.
 */
@ApplicationScoped
public class StorageSystems {
    private static final Logger LOG = Logger.getLogger(StorageSystems.class.getName());

    private final Map<String, StorageSystem> systems = new LinkedHashMap<>();
    private final Map<String, String> misconfigured = new LinkedHashMap<>();

    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig();
        String names = config.getOptionalValue("strata.storage.systems", String.class).orElse("hot,cold");
        for (String raw : names.split(",")) {
            String id = raw.strip();
            if (id.isEmpty()) {
                continue;
            }
            try {
                systems.put(id, create(id, config));
            } catch (IllegalArgumentException e) {
                misconfigured.put(id, e.getMessage());
            }
        }
    }

    /** Logs each system's state: the start-up report of settings that cannot work. */
    public void report() {
        for (Status s : status()) {
            if (s.problem() != null) {
                LOG.severe("storage system '" + s.id() + "' cannot work: " + s.problem()
                        + " (settings strata.storage." + s.id() + ".*); the other systems keep serving");
            } else {
                LOG.info("storage system '" + s.id() + "': " + s.kind() + ", " + s.tier() + " tier, ok");
            }
        }
    }

    private static StorageSystem create(String id, Config config) {
        String key = "strata.storage." + id + ".";
        StorageSystem.Tier tier = enumSetting(config, key + "tier", id.equals("hot") ? "HOT" : "COLD");
        String kind = config.getOptionalValue(key + "kind", String.class).orElse("folder").strip().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "folder":
                return new FolderStorage(id, tier, Path.of(required(config, key + "path")));
            case "s3":
                return new S3Storage(id, tier, new S3Storage.Settings(
                        config.getOptionalValue(key + "endpoint", String.class).orElse(null),
                        config.getOptionalValue(key + "region", String.class).orElse("us-east-1"),
                        required(config, key + "bucket"),
                        config.getOptionalValue(key + "prefix", String.class).orElse(""),
                        required(config, key + "access-key"),
                        required(config, key + "secret-key"),
                        config.getOptionalValue(key + "path-style", Boolean.class).orElse(true)));
            default:
                throw new IllegalArgumentException(key + "kind is '" + kind + "', not folder or s3");
        }
    }

    private static String required(Config config, String name) {
        return config.getOptionalValue(name, String.class)
                .orElseThrow(() -> new IllegalArgumentException("setting " + name + " is missing"));
    }

    private static StorageSystem.Tier enumSetting(Config config, String name, String fallback) {
        String value = config.getOptionalValue(name, String.class).orElse(fallback).strip().toUpperCase(Locale.ROOT);
        try {
            return StorageSystem.Tier.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is '" + value + "', not hot or cold");
        }
    }

    @PreDestroy
    void close() {
        for (StorageSystem s : systems.values()) {
            if (s instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.fine("closing storage system " + s.id() + ": " + e);
                }
            }
        }
    }

    /** The system of this id; {@link UnknownStorageException} when the settings define none that works. */
    public StorageSystem get(String id) throws UnknownStorageException {
        StorageSystem s = systems.get(id);
        if (s == null) {
            throw new UnknownStorageException(id, misconfigured.getOrDefault(id, "not in strata.storage.systems"));
        }
        return s;
    }

    /**
     * Why the object on system {@code id} is not intact (see {@link StorageSystem#verify}), including that the system
     * is not available; null when it is intact.
     */
    public String verify(String id, String path, long size, String sha256) {
        StorageSystem s = systems.get(id);
        if (s == null) {
            return "storage system '" + id + "' is not available: "
                    + misconfigured.getOrDefault(id, "not in strata.storage.systems");
        }
        return s.verify(path, size, sha256);
    }

    public Optional<StorageSystem> find(String id) {
        return Optional.ofNullable(systems.get(id));
    }

    public Collection<StorageSystem> all() {
        return systems.values();
    }

    /** Usage of a folder system's filesystem in percent, or empty for other kinds or when it cannot be read. */
    public Optional<Integer> usedPercent(StorageSystem system) {
        if (system instanceof FolderStorage folder) {
            try {
                long total = folder.totalBytes();
                return total == 0 ? Optional.empty()
                        : Optional.of((int) (100 - folder.usableBytes() * 100 / total));
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Each system's state, as the health endpoint shows it. */
    public List<Status> status() {
        List<Status> list = new ArrayList<>();
        misconfigured.forEach((id, problem) -> list.add(new Status(id, null, null, "error", problem)));
        for (StorageSystem s : systems.values()) {
            String problem = s.problem();
            list.add(new Status(s.id(), s.kind(), s.tier().name().toLowerCase(Locale.ROOT),
                    problem == null ? "ok" : "error", problem));
        }
        return list;
    }

    /**
     * One storage system's state.
     *
     * @param state   {@code ok} or {@code error}
     * @param problem why it cannot work, or null
     */
    public record Status(String id, String kind, String tier, String state, String problem) {
    }

    /** A storage id the index names but the settings do not define (or define so that it cannot work). */
    public static final class UnknownStorageException extends java.io.IOException {
        public UnknownStorageException(String id, String why) {
            super("storage system '" + id + "' is not available: " + why);
        }
    }
}
