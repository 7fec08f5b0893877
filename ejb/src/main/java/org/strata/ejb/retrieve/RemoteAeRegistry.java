package org.strata.ejb.retrieve;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.strata.persistence.network.RemoteAe;

/** The registry of remote AEs (C-MOVE destinations): list, add or change, remove, look up. */
@Stateless
public class RemoteAeRegistry {
    /** A remote AE as the registry hands it out (detached from the persistence context). */
    public record Entry(String aeTitle, String host, int port, boolean tls) {
    }

    /** Refused registry input: the message says which value is wrong. */
    public static final class InvalidEntryException extends Exception {
        InvalidEntryException(String message) {
            super(message);
        }
    }

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    public List<Entry> list() {
        return em.createQuery("SELECT r FROM RemoteAe r ORDER BY r.aeTitle", RemoteAe.class).getResultList()
                .stream().map(RemoteAeRegistry::entry).toList();
    }

    public Optional<Entry> find(String aeTitle) {
        return row(aeTitle).map(RemoteAeRegistry::entry);
    }

    /** Adds the AE or replaces its address; returns true when it was new. */
    public boolean put(Entry entry) throws InvalidEntryException {
        check(entry);
        Optional<RemoteAe> existing = row(entry.aeTitle());
        RemoteAe row = existing.orElseGet(RemoteAe::new);
        row.setAeTitle(entry.aeTitle());
        row.setHost(entry.host());
        row.setPort(entry.port());
        row.setTls(entry.tls());
        if (existing.isEmpty()) {
            em.persist(row);
        }
        return existing.isEmpty();
    }

    /** Removes the AE; returns false when it was not registered. */
    public boolean delete(String aeTitle) {
        Optional<RemoteAe> row = row(aeTitle);
        row.ifPresent(em::remove);
        return row.isPresent();
    }

    private Optional<RemoteAe> row(String aeTitle) {
        return em.createQuery("SELECT r FROM RemoteAe r WHERE r.aeTitle = :t", RemoteAe.class)
                .setParameter("t", aeTitle).getResultStream().findFirst();
    }

    private static Entry entry(RemoteAe r) {
        return new Entry(r.getAeTitle(), r.getHost(), r.getPort(), r.isTls());
    }

    /** PS3.5 AE: 1-16 characters of the default repertoire, no backslash, not all spaces. */
    static void check(Entry entry) throws InvalidEntryException {
        String title = entry.aeTitle();
        if (title == null || title.isBlank() || title.length() > 16 || title.strip().length() != title.length()
                || !title.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '\\')) {
            throw new InvalidEntryException("AE title must be 1-16 printable ASCII characters without backslash"
                    + " or surrounding spaces");
        }
        if (entry.host() == null || entry.host().isBlank() || entry.host().length() > 255) {
            throw new InvalidEntryException("host is required (at most 255 characters)");
        }
        if (entry.port() < 1 || entry.port() > 65535) {
            throw new InvalidEntryException("port must be 1-65535");
        }
    }
}
