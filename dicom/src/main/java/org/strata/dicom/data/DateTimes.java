package org.strata.dicom.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parsing and formatting of DA, TM and DT values (PS3.5 §6.2). Partial values are completed with the
 * earliest instant they denote (e.g. DT "2020" is 2020-01-01T00:00). Unparseable text gives
 * {@link DateTimeParseException}.
 */
public final class DateTimes {
    private DateTimes() {
    }

    /** A DT value: local date-time plus its UTC offset if the value (or the dataset) gave one. */
    public record DateTime(LocalDateTime local, ZoneOffset offset) {
        /** The instant, using {@code fallback} if the value carried no offset. */
        public OffsetDateTime atOffset(ZoneOffset fallback) {
            return local.atOffset(offset != null ? offset : fallback);
        }
    }

    /** Parses "YYYYMMDD" (also the ACR-NEMA "YYYY.MM.DD"). */
    public static LocalDate parseDate(String s) {
        String t = s.strip();
        if (t.length() == 10 && t.charAt(4) == '.' && t.charAt(7) == '.') {
            t = t.substring(0, 4) + t.substring(5, 7) + t.substring(8);
        }
        if (t.length() != 8 || !digits(t, 0, 8)) {
            throw new DateTimeParseException("DA must be YYYYMMDD", s, 0);
        }
        return LocalDate.of(num(t, 0, 4), num(t, 4, 6), num(t, 6, 8));
    }

    /** Parses "HH[MM[SS[.F{1,6}]]]" (also the ACR-NEMA "HH:MM:SS"). */
    public static LocalTime parseTime(String s) {
        String t = s.strip();
        if (t.length() >= 5 && t.charAt(2) == ':') {
            t = t.replace(":", "");
        }
        int dot = t.indexOf('.');
        String main = dot < 0 ? t : t.substring(0, dot);
        if (main.length() < 2 || main.length() > 6 || main.length() % 2 != 0 || !digits(main, 0, main.length())) {
            throw new DateTimeParseException("TM must be HH[MM[SS[.FFFFFF]]]", s, 0);
        }
        int h = num(main, 0, 2);
        int m = main.length() >= 4 ? num(main, 2, 4) : 0;
        int sec = main.length() >= 6 ? num(main, 4, 6) : 0;
        if (sec == 60) {
            sec = 59; // leap second: PS3.5 allows 60; java.time does not.
        }
        int nanos = 0;
        if (dot >= 0) {
            String f = t.substring(dot + 1);
            if (f.isEmpty() || f.length() > 6 || !digits(f, 0, f.length())) {
                throw new DateTimeParseException("TM fraction must be 1-6 digits", s, dot);
            }
            nanos = Integer.parseInt((f + "000000000").substring(0, 9));
        }
        return LocalTime.of(h, m, sec, nanos);
    }

    /** Parses "YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]][&ZZXX]". */
    public static DateTime parseDateTime(String s) {
        String t = s.strip();
        ZoneOffset offset = null;
        int sign = Math.max(t.indexOf('+'), t.indexOf('-'));
        if (sign >= 0) {
            String z = t.substring(sign);
            if (z.length() != 5 || !digits(z, 1, 5)) {
                throw new DateTimeParseException("DT offset must be &ZZXX", s, sign);
            }
            int minutes = num(z, 1, 3) * 60 + num(z, 3, 5);
            offset = ZoneOffset.ofTotalSeconds((z.charAt(0) == '-' ? -minutes : minutes) * 60);
            t = t.substring(0, sign);
        }
        int dot = t.indexOf('.');
        String main = dot < 0 ? t : t.substring(0, dot);
        if (main.length() < 4 || main.length() > 14 || main.length() % 2 != 0 || !digits(main, 0, main.length())) {
            throw new DateTimeParseException("DT must be YYYY[MM[DD[HH[MM[SS[.FFFFFF]]]]]][&ZZXX]", s, 0);
        }
        int year = num(main, 0, 4);
        int month = main.length() >= 6 ? num(main, 4, 6) : 1;
        int day = main.length() >= 8 ? num(main, 6, 8) : 1;
        LocalTime time = main.length() > 8 ? parseTime(t.substring(8)) : LocalTime.MIDNIGHT;
        return new DateTime(LocalDateTime.of(LocalDate.of(year, month, day), time), offset);
    }

    /** Formats a DA value. */
    public static String formatDate(LocalDate d) {
        return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    /** Formats a TM value with microseconds only if the time has a fraction. */
    public static String formatTime(LocalTime t) {
        String s = String.format("%02d%02d%02d", t.getHour(), t.getMinute(), t.getSecond());
        return t.getNano() == 0 ? s : s + String.format(".%06d", t.getNano() / 1000);
    }

    /** Formats a DT value, with its offset if it has one. */
    public static String formatDateTime(DateTime dt) {
        String s = formatDate(dt.local().toLocalDate()) + formatTime(dt.local().toLocalTime());
        if (dt.offset() == null) {
            return s;
        }
        int minutes = dt.offset().getTotalSeconds() / 60;
        return s + String.format("%c%02d%02d", minutes < 0 ? '-' : '+', Math.abs(minutes) / 60, Math.abs(minutes) % 60);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }
}
