package org.strata.ejb.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DateTimeRangeTest {

    @Test
    void twoRangesMakeOneDateTimeRangeNotADailyWindow() {
        DateTimeRange range = DateTimeRange.of("20240105-20240107", "1000-1800");
        assertTrue(range.matches("20240105", "100000"));
        assertFalse(range.matches("20240105", "095959"));
        assertTrue(range.matches("20240106", "020000"), "the whole middle day, at night too");
        assertTrue(range.matches("20240107", "180059"), "18:00 covers its whole minute");
        assertFalse(range.matches("20240107", "180100"));
        assertFalse(range.matches("20240108", "120000"));
        assertTrue(range.matches("20240105", null), "unknown time on a boundary day");
        assertFalse(range.matches(null, "120000"));
    }

    @Test
    void aSingleDateWithATimeRangeIsThatWindowOnThatDay() {
        DateTimeRange range = DateTimeRange.of("20240105", "0800-0900");
        assertTrue(range.matches("20240105", "083000"));
        assertFalse(range.matches("20240105", "090100"));
        assertFalse(range.matches("20240104", "083000"));
    }

    @Test
    void openEndsAndEndsWithoutTime() {
        DateTimeRange from = DateTimeRange.of("20240105-", "1200-");
        assertTrue(from.matches("20991231", "000000"));
        assertFalse(from.matches("20240105", "115959"));
        DateTimeRange until = DateTimeRange.of("-20240105", "-1200");
        assertTrue(until.matches("19000101", "235959"));
        assertFalse(until.matches("20240105", "120100"));
        DateTimeRange openTime = DateTimeRange.of("20240105-20240106", "-1200");
        assertTrue(openTime.matches("20240105", "000000"), "no start time: the first day from midnight");
        assertFalse(openTime.matches("20240106", "130000"));
    }

    @Test
    void noCombinationWhenEitherKeyIsUniversalOrNeitherIsARange() {
        assertNull(DateTimeRange.of("20240105-20240107", null));
        assertNull(DateTimeRange.of("", "1000-1200"));
        assertNull(DateTimeRange.of("20240105", "1000"));
    }

    @Test
    void jpqlBoundsEachBoundedEndByDateThenTime() {
        Map<String, Object> parameters = new HashMap<>();
        String jpql = DateTimeRange.of("20240105-20240107", "1000-1800").jpql("d", "t", "x", parameters);
        assertEquals(" AND (d > :xfd OR (d = :xfd AND (t IS NULL OR t >= :xft)))"
                + " AND (d < :xtd OR (d = :xtd AND (t IS NULL OR t <= :xtt)))", jpql);
        assertEquals(Map.of("xfd", "20240105", "xft", "1000", "xtd", "20240107", "xtt", "180099.999999"), parameters);

        parameters.clear();
        assertEquals(" AND (d > :xfd OR d = :xfd)", DateTimeRange.of("20240105-", "-1800").jpql("d", "t", "x",
                parameters));
        assertEquals(Map.of("xfd", "20240105"), parameters);
    }
}
