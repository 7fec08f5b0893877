package org.strata.ejb.commitment;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.strata.ejb.storage.StorageSystems;
import org.strata.persistence.index.Instance;
import org.strata.persistence.index.StoredFile;

/**
 * Looks up what the index holds of the instances a commitment request names, and checks each stored object where it
 * is, on whatever storage system (size and SHA-256 read back, the scrub's check).
 */
@Stateless
public class StoredCopies {
    /** Bounds the IN list of one query (databases limit the number of bind parameters). */
    private static final int CHUNK = 500;

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    @Inject
    StorageSystems systems;

    /** The indexed copies of these SOP instance UIDs, by UID; UIDs the index does not hold are absent. */
    public Map<String, StoredCopy> find(List<String> sopInstanceUids) {
        Map<String, StoredCopy> found = new HashMap<>();
        for (int from = 0; from < sopInstanceUids.size(); from += CHUNK) {
            List<String> chunk = sopInstanceUids.subList(from, Math.min(sopInstanceUids.size(), from + CHUNK));
            for (Instance i : em.createQuery("SELECT i FROM Instance i WHERE i.sopInstanceUid IN :uids",
                    Instance.class).setParameter("uids", chunk).getResultList()) {
                StoredFile f = i.getFile();
                String problem = systems.verify(f.getStorageId(), f.getPath(), f.getSize(), f.getSha256());
                found.put(i.getSopInstanceUid(), new StoredCopy(i.getSopClassUid(), problem));
            }
        }
        return found;
    }
}
