package org.strata.ejb.query;

/** Which attributes C-FIND and QIDO-RS can match values of: those with an index column, and ModalitiesInStudy. */
public final class MatchableKeys {
    private MatchableKeys() {
    }

    /** The level (PATIENT, STUDY, SERIES, IMAGE) of a matchable attribute, or null if its values cannot be matched. */
    public static String levelOf(int tag) {
        QueryKey key = QueryKey.of(tag);
        return key != null && (key.kind != QueryKey.Kind.COMPUTED || key == QueryKey.MODALITIES_IN_STUDY)
                ? key.level.name() : null;
    }
}
