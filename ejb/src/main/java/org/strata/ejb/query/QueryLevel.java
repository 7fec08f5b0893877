package org.strata.ejb.query;

/** Query/Retrieve Level (0008,0052), from the top of the hierarchy down. */
enum QueryLevel {
    PATIENT, STUDY, SERIES, IMAGE;

    /** The level named by a QueryRetrieveLevel value, or null if there is none of that name. */
    static QueryLevel of(String value) {
        for (QueryLevel level : values()) {
            if (level.name().equals(value)) {
                return level;
            }
        }
        return null;
    }
}
