package org.strata.bench.systems;

import java.io.IOException;

/** A system that is one {@link Daemon}: restart, stop and pid are the same for all of them. */
abstract class DaemonSystem implements BenchSystem {
    private Daemon daemon;

    /** Starts the daemon on the system's current state and waits until it is ready. */
    abstract Daemon launch() throws IOException;

    /** For {@link #startClean()} once the state is clean. */
    final void start() throws IOException {
        daemon = launch();
    }

    @Override
    public final void restart() throws IOException {
        stop();
        start();
    }

    @Override
    public final void stop() {
        if (daemon != null) {
            daemon.stop();
            daemon = null;
        }
    }

    @Override
    public final long pid() {
        return daemon.pid();
    }
}
