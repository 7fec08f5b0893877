package org.strata.ejb.lifecycle;

import java.time.Instant;
import org.strata.persistence.storage.StorageProblem;

/** An object the scrub found missing or damaged, as the admin REST endpoint shows it. */
public record ProblemView(String sopInstanceUid, String storageId, String storagePath, String problem,
                          Instant foundAt) {

    static ProblemView of(StorageProblem p) {
        return new ProblemView(p.getSopInstanceUid(), p.getStorageId(), p.getStoragePath(), p.getProblem(),
                p.getFoundAt());
    }
}
