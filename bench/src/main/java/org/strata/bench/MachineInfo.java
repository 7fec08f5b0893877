package org.strata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One line about the machine for the report: CPU model, cores, memory, kernel, load when the run started. */
final class MachineInfo {
    private MachineInfo() {
    }

    static String describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        String load = read(Path.of("/proc/loadavg"));
        long memoryGb = memory.isEmpty() ? 0 : Math.round(Long.parseLong(memory.replaceAll("[^0-9]", "")) / 1048576.0);
        return String.format(Locale.ROOT, "%s, %d cores, %d GB RAM, Linux %s, load average at start %s", cpu,
                Runtime.getRuntime().availableProcessors(), memoryGb, System.getProperty("os.version"),
                load.isEmpty() ? "?" : String.join(" ", java.util.Arrays.copyOf(load.split(" "), 3)));
    }

    private static String firstValue(Path file, String key) {
        return read(file).lines().filter(l -> l.startsWith(key)).map(l -> l.substring(l.indexOf(':') + 1).strip())
                .findFirst().orElse("");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
