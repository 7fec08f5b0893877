package org.strata.ejb.query;

import java.util.Map;

/**
 * A date key and its time key (e.g. Study Date and Study Time) given together, at least one of them as a range:
 * PS3.4 C.2.2.2.5 matches them as one date-time range, so 20240105-20240107 with 1000-1800 runs from 10:00 on the 5th
 * to 18:00 on the 7th (not 10:00-18:00 on each day). A single value counts as a range of that one value. An end
 * without a date is open whatever its time; an end with a date but no time is the start or end of that day. An entity
 * with the boundary date but no time matches, as its time is unknown.
 *
 * @param fromDate first date (YYYYMMDD), or null for no lower bound
 * @param fromTime time on the first date, or null for its start
 * @param toDate last date, or null for no upper bound
 * @param toTime time on the last date (already extended to the end of its last given component), or null for its end
 */
public record DateTimeRange(String fromDate, String fromTime, String toDate, String toTime) {

    /** The combined range of a date key and a time key, or null when they match each on its own. */
    public static DateTimeRange of(String date, String time) {
        KeyMatch dates = KeyMatch.dateOrTime(date, false);
        KeyMatch times = KeyMatch.dateOrTime(time, true);
        if (dates instanceof KeyMatch.Universal || times instanceof KeyMatch.Universal
                || !(dates instanceof KeyMatch.Range || times instanceof KeyMatch.Range)) {
            return null;
        }
        KeyMatch.Range d = asRange(dates, date, false);
        KeyMatch.Range t = asRange(times, time, true);
        return new DateTimeRange(d.from(), d.from() == null ? null : t.from(), d.to(), d.to() == null ? null : t.to());
    }

    private static KeyMatch.Range asRange(KeyMatch match, String value, boolean time) {
        if (match instanceof KeyMatch.Range r) {
            return r;
        }
        String single = value.strip();
        return (KeyMatch.Range) KeyMatch.dateOrTime(single + "-" + single, time);
    }

    /** Whether an entity's date and time (either may be null) fall in the range. */
    public boolean matches(String date, String time) {
        return date != null && within(date, time, fromDate, fromTime, 1) && within(date, time, toDate, toTime, -1);
    }

    /** On the inner side of one end: {@code side} 1 for at or after the start, -1 for at or before the end. */
    private static boolean within(String date, String time, String endDate, String endTime, int side) {
        if (endDate == null) {
            return true;
        }
        int byDate = Integer.signum(date.compareTo(endDate));
        return byDate == side || (byDate == 0
                && (endTime == null || time == null || Integer.signum(time.compareTo(endTime)) != -side));
    }

    /**
     * The same condition in JPQL over a date and a time column, as " AND (...)" per bounded end, with its parameters
     * (named with {@code prefix}) added to {@code parameters}.
     */
    public String jpql(String datePath, String timePath, String prefix, Map<String, Object> parameters) {
        StringBuilder jpql = new StringBuilder();
        bound(jpql, datePath, timePath, '>', fromDate, fromTime, prefix + "f", parameters);
        bound(jpql, datePath, timePath, '<', toDate, toTime, prefix + "t", parameters);
        return jpql.toString();
    }

    private static void bound(StringBuilder jpql, String datePath, String timePath, char beyond, String date,
            String time, String name, Map<String, Object> parameters) {
        if (date == null) {
            return;
        }
        jpql.append(" AND (").append(datePath).append(' ').append(beyond).append(" :").append(name).append("d OR ");
        if (time == null) {
            jpql.append(datePath).append(" = :").append(name).append('d');
        } else {
            jpql.append('(').append(datePath).append(" = :").append(name).append("d AND (").append(timePath)
                    .append(" IS NULL OR ").append(timePath).append(' ').append(beyond).append("= :").append(name)
                    .append("t))");
            parameters.put(name + "t", time);
        }
        jpql.append(')');
        parameters.put(name + "d", date);
    }
}
