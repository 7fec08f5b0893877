package org.strata.ejb.lifecycle;

import jakarta.ejb.ScheduleExpression;

/**
 * A schedule setting in the five fields of cron ({@code minute hour day-of-month month day-of-week}, e.g.
 * {@code 0 2 * * *} for 02:00 every night) turned into an EJB timer schedule. Each field takes what EJB schedule
 * attributes take ({@code *}, numbers, lists, ranges, {@code * /n} increments).
 */
final class CronSchedule {
    private CronSchedule() {
    }

    /** @throws IllegalArgumentException naming the setting when the value does not have five fields */
    static ScheduleExpression parse(String setting, String value) {
        String[] f = value == null ? new String[0] : value.strip().split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException(setting + " is '" + value
                    + "': expected five fields, minute hour day-of-month month day-of-week (e.g. 0 2 * * *)");
        }
        return new ScheduleExpression().second("0").minute(f[0]).hour(f[1]).dayOfMonth(f[2]).month(f[3])
                .dayOfWeek(f[4]);
    }
}
