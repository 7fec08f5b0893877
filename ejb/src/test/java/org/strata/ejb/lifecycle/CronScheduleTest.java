package org.strata.ejb.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.ScheduleExpression;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    @Test
    void fiveFieldsBecomeMinuteHourDayMonthAndWeekday() {
        ScheduleExpression s = CronSchedule.parse("strata.lifecycle.schedule", " 30 2  * 1-6 Mon,Fri ");
        assertEquals("0", s.getSecond());
        assertEquals("30", s.getMinute());
        assertEquals("2", s.getHour());
        assertEquals("*", s.getDayOfMonth());
        assertEquals("1-6", s.getMonth());
        assertEquals("Mon,Fri", s.getDayOfWeek());
    }

    @Test
    void anythingButFiveFieldsIsRefusedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CronSchedule.parse("strata.scrub.schedule", "0 2 * *"));
        assertTrue(e.getMessage().startsWith("strata.scrub.schedule is '0 2 * *'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("strata.scrub.schedule", null));
    }
}
