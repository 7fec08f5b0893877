package org.strata.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DateTimesTest {

    @Test
    void timesWithPartialPrecisionAndFractions() {
        assertEquals(LocalTime.of(7, 0), DateTimes.parseTime("07"));
        assertEquals(LocalTime.of(7, 30), DateTimes.parseTime("0730"));
        assertEquals(LocalTime.of(7, 30, 15, 100_000_000), DateTimes.parseTime("073015.1"));
        assertEquals(LocalTime.of(7, 30, 15, 123_456_000), DateTimes.parseTime("073015.123456"));
        assertEquals(LocalTime.of(23, 59, 59), DateTimes.parseTime("235960")); // leap second clamps
        assertEquals(LocalTime.of(7, 30, 15), DateTimes.parseTime("07:30:15"));
    }

    @Test
    void malformedValuesAreRefused() {
        assertThrows(DateTimeException.class, () -> DateTimes.parseTime("7"));
        assertThrows(DateTimeException.class, () -> DateTimes.parseTime("073"));
        assertThrows(DateTimeException.class, () -> DateTimes.parseTime("0730.1234567"));
        assertThrows(DateTimeException.class, () -> DateTimes.parseTime("2500"));
        assertThrows(DateTimeException.class, () -> DateTimes.parseDate("2024022"));
        assertThrows(DateTimeException.class, () -> DateTimes.parseDate("20240230"));
        assertThrows(DateTimeException.class, () -> DateTimes.parseDateTime("202"));
        assertThrows(DateTimeException.class, () -> DateTimes.parseDateTime("2020+01"));
    }

    @Test
    void dateTimesWithAndWithoutOffset() {
        DateTimes.DateTime dt = DateTimes.parseDateTime("202402");
        assertEquals(LocalDateTime.of(2024, 2, 1, 0, 0), dt.local());
        assertNull(dt.offset());
        assertEquals(ZoneOffset.UTC, dt.atOffset(ZoneOffset.UTC).getOffset());
        DateTimes.DateTime z = DateTimes.parseDateTime("20240229235959.5+0530");
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), z.offset());
        assertEquals("20240229235959.500000+0530", DateTimes.formatDateTime(z));
    }

    @Test
    void formattingIsTheDicomForm() {
        assertEquals("20240101", DateTimes.formatDate(LocalDate.of(2024, 1, 1)));
        assertEquals("010203", DateTimes.formatTime(LocalTime.of(1, 2, 3)));
        assertEquals("010203.000004", DateTimes.formatTime(LocalTime.of(1, 2, 3, 4000)));
        assertEquals("20240101000000-0100",
                DateTimes.formatDateTime(new DateTimes.DateTime(LocalDateTime.of(2024, 1, 1, 0, 0), ZoneOffset.ofHours(-1))));
    }

    @Test
    void decimalStringsFitSixteenCharacters() {
        assertEquals("3", Dataset.formatDecimal(3.0));
        assertEquals("0.25", Dataset.formatDecimal(0.25));
        String third = Dataset.formatDecimal(1.0 / 3);
        assertEquals(1.0 / 3, Double.parseDouble(third), 1e-13);
        assertEquals(true, third.length() <= 16, third);
        String tiny = Dataset.formatDecimal(-1.2345678901234567e-300);
        assertEquals(true, tiny.length() <= 16, tiny);
        assertEquals(-1.2345678901234567e-300, Double.parseDouble(tiny), 1e-309);
    }
}
