package dev.gradecheck.batch;

import dev.gradecheck.Grader;
import dev.gradecheck.GraderConfig;
import dev.gradecheck.course.CourseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Up to {@code size} graders of one course, each with child JVMs on standby, lent to one grading at a time: a
 * {@link Grader} grades one submission at a time, so several at once need several graders. Each is made when a
 * grading finds none idle (a batch with nothing to grade starts no child JVM). Every grader keeps its javac, parsed course
 * and standby child warm from one submission to the next. Thread-safe; {@link #close} stops every child.
 */
final class GraderLanes implements AutoCloseable {

    private final GraderConfig config;
    private final int size;
    private final Deque<Grader> idle = new ArrayDeque<>();
    private final List<Grader> all = new ArrayList<>();
    private int making;
    private boolean closed;

    private GraderLanes(GraderConfig config, int size) {
        this.config = config;
        this.size = size;
    }

    /** Lanes for {@code config}'s course; no grader is made yet. */
    static GraderLanes create(GraderConfig config, int size) {
        return new GraderLanes(config.withStandby(true), size);
    }

    /** An idle grader, made when there is none and fewer than {@code size} exist; waits otherwise. */
    Grader take() throws CourseException, InterruptedException {
        synchronized (this) {
            while (idle.isEmpty() && (all.size() + making >= size || closed)) {
                if (closed) {
                    throw new InterruptedException("the batch is stopping");
                }
                wait();
            }
            if (!idle.isEmpty()) {
                return idle.pop();
            }
            making++;
        }
        Grader made;
        try {
            made = Grader.create(config);
        } finally {
            synchronized (this) {
                making--;
            }
        }
        synchronized (this) {
            if (closed) {
                made.close();
                throw new InterruptedException("the batch is stopping");
            }
            all.add(made);
        }
        return made;
    }

    /** Gives {@code grader} back after a grading. */
    synchronized void give(Grader grader) {
        idle.push(grader);
        notifyAll();
    }

    @Override
    public void close() {
        List<Grader> graders;
        synchronized (this) {
            closed = true;
            graders = new ArrayList<>(all);
            notifyAll();
        }
        graders.forEach(Grader::close);
    }
}
