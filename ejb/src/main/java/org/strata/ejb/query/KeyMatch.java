package org.strata.ejb.query;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How one key of a C-FIND identifier matches (PS3.4 C.2.2.2): universal, single value, list of UIDs, wildcard
 * (as a SQL LIKE pattern escaped with {@link #LIKE_ESCAPE}) or range (either end may be open, i.e. null). Each
 * also matches a value in memory ({@link #matches}), for attributes held outside index columns.
 */
public sealed interface KeyMatch {
    /** The escape character of the LIKE patterns this class makes. */
    char LIKE_ESCAPE = '!';

    /** Whether an attribute value matches; a null value (absent or empty) matches only universal matching. */
    boolean matches(String value);

    /** Empty value, or a lone "*": every entity matches, the attribute is returned. */
    record Universal() implements KeyMatch {
        @Override
        public boolean matches(String value) {
            return true;
        }
    }

    record Single(String value) implements KeyMatch {
        @Override
        public boolean matches(String candidate) {
            return value.equals(candidate);
        }
    }

    record UidList(List<String> uids) implements KeyMatch {
        @Override
        public boolean matches(String value) {
            return uids.contains(value);
        }
    }

    record Wildcard(String likePattern) implements KeyMatch {
        @Override
        public boolean matches(String value) {
            return value != null && regex(likePattern).matcher(value).matches();
        }

        /** The LIKE pattern as a regular expression: % any run, _ one character, escaped characters literal. */
        private static Pattern regex(String likePattern) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < likePattern.length(); i++) {
                char c = likePattern.charAt(i);
                if (c == LIKE_ESCAPE && i + 1 < likePattern.length()) {
                    regex.append(Pattern.quote(String.valueOf(likePattern.charAt(++i))));
                } else if (c == '%') {
                    regex.append(".*");
                } else if (c == '_') {
                    regex.append('.');
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }
    }

    record Range(String from, String to) implements KeyMatch {
        @Override
        public boolean matches(String value) {
            return value != null && (from == null || value.compareTo(from) >= 0)
                    && (to == null || value.compareTo(to) <= 0);
        }

        /** Appends the condition on a JPQL path, one comparison per bounded end, parameters named after {@code p}. */
        public void appendJpql(String path, String p, StringBuilder jpql, Map<String, Object> parameters) {
            if (from != null) {
                jpql.append(" AND ").append(path).append(" >= :").append(p).append('f');
                parameters.put(p + "f", from);
            }
            if (to != null) {
                jpql.append(" AND ").append(path).append(" <= :").append(p).append('t');
                parameters.put(p + "t", to);
            }
        }
    }

    /** A list of UIDs (UI keys): one UID is single value matching. */
    public static KeyMatch uids(String[] values) {
        List<String> uids = java.util.Arrays.stream(values).map(String::strip).filter(v -> !v.isEmpty()).toList();
        if (uids.isEmpty() || uids.equals(List.of("*"))) {
            return new Universal();
        }
        return uids.size() == 1 ? new Single(uids.get(0)) : new UidList(uids);
    }

    /** A text key (CS, LO, SH, PN...): wildcards * and ? make it a wildcard match. */
    public static KeyMatch text(String value) {
        if (value == null || value.isBlank() || value.strip().equals("*")) {
            return new Universal();
        }
        return value.indexOf('*') >= 0 || value.indexOf('?') >= 0 ? new Wildcard(like(value)) : new Single(value);
    }

    /**
     * A date (DA, YYYYMMDD; the old form YYYY.MM.DD is read alike) or time (TM) key: a value with a hyphen is a
     * range. A time range's upper end covers the whole of its last given component ("1200" ends at 12:00:59.999999).
     */
    public static KeyMatch dateOrTime(String value, boolean time) {
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
