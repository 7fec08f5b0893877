package org.strata.dicom.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** The measuring loop the toolkit's benchmark harnesses share, and a stream that counts what is written to it. */
final class Throughput {
    private Throughput() {
    }

    /** One measured operation; its result is kept so the JIT cannot drop the work. */
    interface Case {
        long run() throws IOException;
    }

    /**
     * Runs a case for {@code seconds} of wall time after a warm-up; reports throughput per second of this thread's
     * CPU time (what one core does, independent of other load on the machine) and per wall second.
     */
    static void measure(String name, double seconds, long bytesPerOp, Case c) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long warmupEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        while (System.nanoTime() < warmupEnd) {
            sink += c.run();
        }
        long ops = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            sink += c.run();
            ops++;
            now = System.nanoTime();
        } while (now < end);
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double wall = (now - start) / 1e9;
        System.out.printf("%-38s per CPU-s: %8.0f ops/s %7.0f MB/s | per wall-s: %8.0f ops/s (%d ops, %d)%n",
                name, ops / cpu, ops * (double) bytesPerOp / cpu / 1e6, ops / wall, ops, sink % 10);
    }

    /** Counts bytes written and drops them. */
    static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
