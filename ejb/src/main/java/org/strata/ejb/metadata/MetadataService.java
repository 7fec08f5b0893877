package org.strata.ejb.metadata;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.dict.Tags;

/**
 * The stored headers of a study's, a series' or one instance's instances, for WADO-RS metadata. A study's headers
 * are kept, as one encoded value, in the Infinispan cache {@value #CACHE} (defined by wildfly-config's CLI scripts)
 * from the first request on; a store into the study drops the entry, and every use compares the entry's stamp with
 * the study's last change in the index, so an entry another node or a racing request filled too early is never
 * served. Instances stored before the header copy existed (schema version 5) have no metadata.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MetadataService {
    /** Where WildFly binds the cache. */
    public static final String CACHE = "java:jboss/infinispan/cache/strata/study-metadata";

    @PersistenceContext(unitName = "strata")
    EntityManager em;

    /** Infinispan's Cache is a ConcurrentMap; the Map view needs no Infinispan classes in this deployment. */
    @Resource(lookup = CACHE)
    Map<String, byte[]> studies;

    /** The headers of every instance of a study, by series then instance as stored; null if the study is unknown. */
    public List<Dataset> study(String studyInstanceUid) {
        List<Instant> changed = em.createQuery("SELECT st.updatedAt FROM Study st WHERE st.studyInstanceUid = :uid",
                Instant.class).setParameter("uid", studyInstanceUid).getResultList();
        if (changed.isEmpty()) {
            return null;
        }
        long stamp = stamp(changed.get(0));
        byte[] cached = studies.get(studyInstanceUid);
        if (cached == null || stampOf(cached) != stamp) {
            cached = encode(stamp, em.createQuery("SELECT h.header FROM InstanceHeader h, Instance i"
                    + " WHERE h.instancePk = i.pk AND i.series.study.studyInstanceUid = :uid"
                    + " ORDER BY i.series.pk, i.pk", byte[].class).setParameter("uid", studyInstanceUid)
                    .getResultList());
            studies.put(studyInstanceUid, cached);
        }
        return decode(cached);
    }

    /** The headers of a series' instances (from its study's); null if the series is not in that study. */
    public List<Dataset> series(String studyInstanceUid, String seriesInstanceUid) {
        List<Dataset> study = study(studyInstanceUid);
        if (study == null) {
            return null;
        }
        List<Dataset> series = study.stream()
                .filter(h -> seriesInstanceUid.equals(h.getString(Tags.SeriesInstanceUID))).toList();
        return series.isEmpty() ? null : series;
    }

    /** The header of one instance; null if it is not stored in that series and study. */
    public Dataset instance(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid) {
        List<byte[]> found = em.createQuery("SELECT h.header FROM InstanceHeader h, Instance i"
                        + " WHERE h.instancePk = i.pk AND i.sopInstanceUid = :iuid AND i.series.seriesInstanceUid = :suid"
                        + " AND i.series.study.studyInstanceUid = :stuid", byte[].class)
                .setParameter("iuid", sopInstanceUid).setParameter("suid", seriesInstanceUid)
                .setParameter("stuid", studyInstanceUid).getResultList();
        return found.isEmpty() ? null : decodeOne(found.get(0));
    }

    /** Drops a study's cached headers: called once a change of the study is committed. */
    public void invalidate(String studyInstanceUid) {
        studies.remove(studyInstanceUid);
    }

    private static long stamp(Instant changed) {
        return changed.getEpochSecond() * 1_000_000_000L + changed.getNano();
    }

    /** The cached value: the stamp, the number of headers, then each header's length and bytes. */
    private static byte[] encode(long stamp, List<byte[]> headers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(stamp);
            out.writeInt(headers.size());
            for (byte[] header : headers) {
                out.writeInt(header.length);
                out.write(header);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return bytes.toByteArray();
    }

    private static long stampOf(byte[] cached) {
        long stamp = 0;
        for (int i = 0; i < 8; i++) {
            stamp = (stamp << 8) | (cached[i] & 0xFF);
        }
        return stamp;
    }

    private static List<Dataset> decode(byte[] cached) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(cached))) {
            in.readLong();
            int count = in.readInt();
            List<Dataset> headers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] header = new byte[in.readInt()];
                in.readFully(header);
                headers.add(decodeOne(header));
            }
            return headers;
        } catch (IOException e) {
            throw new UncheckedIOException("cached study metadata is corrupt", e);
        }
    }

    private static Dataset decodeOne(byte[] stored) {
        try {
            return StoredHeader.decode(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored header is corrupt", e);
        }
    }
}
