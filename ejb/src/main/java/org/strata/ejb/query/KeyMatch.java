package org.strata.ejb.query;

import java.util.List;

/**
 * How one key of a C-FIND identifier matches (PS3.4 C.2.2.2): universal, single value, list of UIDs, wildcard
 * (as a SQL LIKE pattern escaped with {@link #LIKE_ESCAPE}) or range (either end may be open, i.e. null).
 */
sealed interface KeyMatch {
    /** The escape character of the LIKE patterns this class makes. */
    char LIKE_ESCAPE = '!';

    /** Empty value, or a lone "*": every entity matches, the attribute is returned. */
    record Universal() implements KeyMatch {
    }

    record Single(String value) implements KeyMatch {
    }

    record UidList(List<String> uids) implements KeyMatch {
    }

    record Wildcard(String likePattern) implements KeyMatch {
    }

    record Range(String from, String to) implements KeyMatch {
    }

    /** A list of UIDs (UI keys): one UID is single value matching. */
    static KeyMatch uids(String[] values) {
        List<String> uids = java.util.Arrays.stream(values).map(String::strip).filter(v -> !v.isEmpty()).toList();
        if (uids.isEmpty() || uids.equals(List.of("*"))) {
            return new Universal();
        }
        return uids.size() == 1 ? new Single(uids.get(0)) : new UidList(uids);
    }

    /** A text key (CS, LO, SH, PN...): wildcards * and ? make it a wildcard match. */
    static KeyMatch text(String value) {
        if (value == null || value.isBlank() || value.strip().equals("*")) {
            return new Universal();
        }
        return value.indexOf('*') >= 0 || value.indexOf('?') >= 0 ? new Wildcard(like(value)) : new Single(value);
    }

    /**
     * A date (DA, YYYYMMDD; the old form YYYY.MM.DD is read alike) or time (TM) key: a value with a hyphen is a
     * range. A time range's upper end covers the whole of its last given component ("1200" ends at 12:00:59.999999).
     */
    static KeyMatch dateOrTime(String value, boolean time) {
        if (value == null || value.isBlank()) {
            return new Universal();
        }
        String v = time ? value.strip() : value.strip().replace(".", "");
        int dash = v.indexOf('-');
        if (dash < 0) {
            return new Single(v);
        }
        String from = v.substring(0, dash).strip();
        String to = v.substring(dash + 1).strip();
        if (from.isEmpty() && to.isEmpty()) {
            return new Universal();
        }
        if (time && !to.isEmpty()) {
            to = to.indexOf('.') >= 0 ? to + "999999" : to + "999999.999999".substring(Math.min(to.length(), 6));
        }
        return new Range(from.isEmpty() ? null : from, to.isEmpty() ? null : to);
    }

    /** Translates DICOM wildcards to a LIKE pattern: * to %, ? to _, and SQL's own wildcards escaped. */
    static String like(String value) {
        StringBuilder pattern = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '*' -> pattern.append('%');
                case '?' -> pattern.append('_');
                case '%', '_', LIKE_ESCAPE -> pattern.append(LIKE_ESCAPE).append(c);
                default -> pattern.append(c);
            }
        }
        return pattern.toString();
    }
}
