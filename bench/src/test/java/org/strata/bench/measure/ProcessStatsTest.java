package org.strata.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProcessStatsTest {
    @Test
    void cpuIsUserSystemAndWaitedChildrenTime() {
        // A command name with a space and a ')' must not shift the fields.
        String stat = "4242 (my (odd) srv) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 50 30 20 20 0 8 0 100 1000000 200";
        assertEquals(3.5, ProcessStats.cpuSeconds(stat), 1e-9);
    }

    @Test
    void peakRssIsVmHwmInBytes() {
        assertEquals(51200L * 1024, ProcessStats.peakRssBytes(List.of("Name:\tjava", "VmPeak:\t 900000 kB", "VmHWM:\t   51200 kB")));
        assertEquals(0, ProcessStats.peakRssBytes(List.of("Name:\tzombie", "State:\tZ (zombie)")));
    }

    @Test
    void readsThisJvm() {
        ProcessStats.Reading reading = ProcessStats.read(ProcessHandle.current().pid());
        assertTrue(reading.cpuSeconds() > 0, "a running JVM has used some CPU");
        assertTrue(reading.peakRssBytes() > 10_000_000, "a JVM's peak RSS is above 10 MB");
    }
}
