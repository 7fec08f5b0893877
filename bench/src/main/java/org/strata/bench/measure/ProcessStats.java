package org.strata.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time and peak resident memory of a server and every process below it (WildFly's java under standalone.sh,
 * nginx's workers, storescp's forked children), read from /proc. CPU counts each live process's own time plus the
 * time of its children that have exited and been waited for, so nothing is counted twice.
 */
public final class ProcessStats {
    private static final double CLOCK_TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture in use

    private ProcessStats() {
    }

    /** One reading of a process tree. */
    public record Reading(double cpuSeconds, long peakRssBytes) {
    }

    public static Reading read(long rootPid) {
        List<Long> pids = new ArrayList<>();
        pids.add(rootPid);
        ProcessHandle.of(rootPid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
        double cpu = 0;
        long peak = 0;
        for (long pid : pids) {
            try {
                cpu += cpuSeconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
                peak = Math.max(peak, peakRssBytes(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))));
            } catch (IOException e) {
                // The process exited between listing and reading: its time is in its parent's children time.
            }
        }
        return new Reading(cpu, peak);
    }

    /** utime + stime + cutime + cstime of a /proc/PID/stat line, in seconds. */
    static double cpuSeconds(String statLine) {
        // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
        String[] f = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state); utime..cstime are fields 14..17.
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return ticks / CLOCK_TICKS_PER_SECOND;
    }

    /** VmHWM of a /proc/PID/status, in bytes (0 for a process without memory, e.g. a zombie). */
    static long peakRssBytes(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
