package dev.gradecheck.pipeline;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/** The grader's background threads: named, and daemons, so none keeps a one-off grader's JVM alive. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A factory of daemon threads with this name. */
    static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** An executor that runs each task on a new daemon thread with this name. */
    static Executor starting(String name) {
        ThreadFactory threads = named(name);
        return task -> threads.newThread(task).start();
    }
}
