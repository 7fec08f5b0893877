package org.strata.ejb.query;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.strata.dicom.data.BulkData;
import org.strata.dicom.data.Dataset;
import org.strata.dicom.data.Fragments;
import org.strata.dicom.data.Sequence;
import org.strata.dicom.data.VR;
import org.strata.dicom.dict.Tags;
import org.strata.ejb.metadata.StoredHeader;

/**
 * The stored header copy that answers a match's attributes the index has no column for, read once and only when
 * needed: the matching instance's at IMAGE level, the first stored instance's of the series, study or patient above.
 */
final class MatchHeader {
    private static final Logger LOG = Logger.getLogger(MatchHeader.class.getName());

    private final EntityManager em;
    private final QueryLevel level;
    private final Match match;
    private boolean loaded;
    private Dataset header;

    MatchHeader(EntityManager em, QueryLevel level, Match match) {
        this.em = em;
        this.level = level;
        this.match = match;
    }

    /** The header, or null if none is stored (instances stored before the header copy existed). */
    Dataset get() {
        if (!loaded) {
            loaded = true;
            header = load();
        }
        return header;
    }

    private Dataset load() {
        String scope;
        Object entity;
        switch (level) {
            case IMAGE -> { scope = "i = :e"; entity = match.instance(); }
            case SERIES -> { scope = "i.series = :e"; entity = match.series(); }
            case STUDY -> { scope = "i.series.study = :e"; entity = match.study(); }
            default -> { scope = "i.series.study.patient = :e"; entity = match.patient(); }
        }
        List<byte[]> found = em.createQuery("SELECT h.header FROM InstanceHeader h, Instance i"
                        + " WHERE h.instancePk = i.pk AND " + scope + " ORDER BY i.pk", byte[].class)
                .setParameter("e", entity).setMaxResults(1).getResultList();
        if (found.isEmpty()) {
            return null;
        }
        try {
            return StoredHeader.decode(found.get(0));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "unreadable stored header of a " + level + " match; its attributes come back empty",
                    e);
            return null;
        }
    }

    /**
     * Copies one element of a header into a response, text decoded (the response has its own character set);
     * large values left out of the header are not copied.
     *
     * @return true if the copied text is ASCII
     */
    static boolean copy(Dataset header, int tag, Dataset response) {
        return copyElement(header, tag, header.vr(tag), header.get(tag), response);
    }

    private static boolean copyElement(Dataset from, int tag, VR vr, Object value, Dataset to) {
        if (value instanceof BulkData || value instanceof Fragments || tag == Tags.PixelData) {
            return true;
        }
        if (value instanceof Sequence items) {
            boolean ascii = true;
            Sequence copies = to.newSequence(tag);
            for (Dataset item : items) {
                Dataset copy = copies.addItem();
                for (int i = 0; i < item.size(); i++) {
                    ascii &= copyElement(item, item.tagAt(i), item.vrAt(i), item.valueAt(i), copy);
                }
            }
            return ascii;
        }
        if (value != null && vr.isText()) {
            String[] values = from.getStrings(tag);
            to.setString(tag, vr, values);
            return String.join("", values).chars().allMatch(c -> c < 0x80);
        }
        to.put(tag, vr, value instanceof byte[] bytes ? bytes.clone() : value);
        return true;
    }
}
