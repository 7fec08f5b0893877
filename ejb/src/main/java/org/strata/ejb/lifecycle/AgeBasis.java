package org.strata.ejb.lifecycle;

import java.util.Locale;

/**
 * What a study's age counts from when the lifecycle decides whether it moves (setting
 * {@code strata.lifecycle.age-basis}).
 */
public enum AgeBasis {
    /** The last receipt: when its newest object arrived. */
    RECEIVED,
    /** The later of its last receipt and its last read (C-GET, C-MOVE, WADO; searches and metadata do not count). */
    ACCESSED;

    /** @throws IllegalArgumentException naming the setting when the value is neither received nor accessed */
    static AgeBasis parse(String setting, String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (AgeBasis b : values()) {
            if (b.name().equals(v)) {
                return b;
            }
        }
        throw new IllegalArgumentException(setting + " is '" + value + "': expected received or accessed");
    }
}
