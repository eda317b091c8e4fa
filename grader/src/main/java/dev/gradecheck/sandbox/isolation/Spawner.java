package dev.gradecheck.sandbox.isolation;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apiguardian.api.API;

/**
 * Starts every child process from one thread that lives as long as the grader's JVM.
 *
 * <p>Why: a parent-death signal ({@code PR_SET_PDEATHSIG}, which bubblewrap and {@code setpriv --pdeathsig} use so
 * that a sandbox dies with the grader) is sent when the <em>thread</em> that started the process ends, not the
 * process. Started from a pool thread that retires when idle, a child waiting on standby would be killed at a random
 * moment. Thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class Spawner {

    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "gradecheck-spawner");
        thread.setDaemon(true);
        return thread;
    });

    private Spawner() {
    }

    /** {@code builder.start()}, on the spawner thread. */
    public static Process start(ProcessBuilder builder) throws IOException {
        Future<Process> started = THREAD.submit(builder::start);
        try {
            return started.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("cannot start " + builder.command().get(0), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.cancel(false);
            throw new IOException("interrupted while starting " + builder.command().get(0), e);
        }
    }
}
