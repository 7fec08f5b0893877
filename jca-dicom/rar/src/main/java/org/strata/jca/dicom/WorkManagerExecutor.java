package org.strata.jca.dicom;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** The toolkit runs its accept loop and associations on an {@link Executor}; inside WildFly that is the WorkManager. */
final class WorkManagerExecutor implements Executor {
    private final WorkManager workManager;

    WorkManagerExecutor(WorkManager workManager) {
        this.workManager = workManager;
    }

    @Override
    public void execute(Runnable task) {
        try {
            workManager.scheduleWork(new Work() {
                @Override
                public void run() {
                    task.run();
                }

                @Override
                public void release() {
                    // The toolkit ends its tasks by closing their sockets when the adapter stops.
                }
            }, WorkManager.INDEFINITE, null, null);
        } catch (WorkException e) {
            throw new RejectedExecutionException("the container refused DICOM work: " + e.getMessage(), e);
        }
    }
}
