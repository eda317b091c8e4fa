package dev.gradecheck.batch;

import dev.gradecheck.GradeRequest;
import dev.gradecheck.Grader;
import dev.gradecheck.GraderConfig;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.app.ExitCode;
import dev.gradecheck.app.Graders;
import dev.gradecheck.app.GradingRequest;
import dev.gradecheck.app.Tasks;
import dev.gradecheck.course.CourseException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Up to {@code size} graders of one course, each with child JVMs on standby, lent to one grading at a time: a
 * {@link Grader} grades one submission at a time, so several at once need several graders. Each is made when a
 * grading finds none idle (a batch with nothing to grade starts no child JVM). Every grader keeps its javac, parsed course
 * and standby child warm from one submission to the next. A grading runs through {@link Tasks#run}, as {@code bin/grader
 * grade} runs. The batch's lanes on one machine, and a cluster worker's. Thread-safe; {@link #close} stops every child.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class GraderLanes implements BatchLanes {

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
    public static GraderLanes create(GraderConfig config, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("lanes need 1 or more graders, was " + size);
        }
        return new GraderLanes(config.withStandby(true), size);
    }

    @Override
    public int width() {
        return size;
    }

    @Override
    public Done grade(Task task) throws CourseException, InterruptedException {
        GradingRequest request = new GradingRequest(GradingRequest.Task.GRADE, task.courseRoot(),
                Optional.of(task.courseRoot()), Map.of(), Optional.of(task.submission()), task.ref(), task.exercises(),
                Optional.of(task.out()), Optional.empty());
        StringWriter errors = new StringWriter();
        Grader grader = take();
        try {
            ExitCode code = Tasks.run(request, new Lent(grader), new PrintWriter(Writer.nullWriter()),
                    new PrintWriter(errors));
            return new Done(code, errors.toString());
        } finally {
            give(grader);
        }
    }

    @Override
    public GradeReport refusal(GradeRequest request, String reason) throws CourseException, InterruptedException {
        Grader grader = take();
        try {
            return grader.refusal(request, reason);
        } finally {
            give(grader);
        }
    }

    /** A lane's grader, lent to one task; closing it is the lanes' business. */
    private record Lent(Grader grader) implements Graders {
        @Override
        public Grader grader(Path courseRoot) {
            return grader;
        }

        @Override
        public void close() {
        }
    }

    /** An idle grader, made when there is none and fewer than {@code size} exist; waits otherwise. */
    private Grader take() throws CourseException, InterruptedException {
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
    private synchronized void give(Grader grader) {
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
