package dev.gradecheck.pipeline;

import dev.gradecheck.course.Course;
import dev.gradecheck.course.CourseBuild;
import dev.gradecheck.sandbox.Sandbox;
import dev.gradecheck.sandbox.spec.WarmUp;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Where each grading gets its scratch folder and child JVMs. With standby, the next grading's folder and children
 * are made ready while no grading runs: the children start and rehearse (see {@link #rehearsal}) after a grading has
 * returned, and the folder and children it used are cleaned up then too. Without standby, a grading starts its own
 * children once its submission is open. Used under its grader's lock: one grading at a time.
 */
final class StandbyPool implements AutoCloseable {

    private final Sandbox sandbox;
    private final int children;
    /** What children on standby rehearse; empty when none are kept on standby. */
    private final Optional<WarmUp> rehearsal;
    private CompletableFuture<Lease> standby;
    private boolean closed;

    private StandbyPool(Sandbox sandbox, int children, Optional<WarmUp> rehearsal) {
        this.sandbox = sandbox;
        this.children = children;
        this.rehearsal = rehearsal;
    }

    /** A pool that keeps nothing on standby: each grading makes its folder and starts {@code children} children. */
    static StandbyPool none(Sandbox sandbox, int children) {
        return new StandbyPool(sandbox, children, Optional.empty());
    }

    /**
     * A pool that keeps the next grading's folder and {@code children} children ready, rehearsing the course's tests;
     * the first are started before this returns.
     */
    static StandbyPool keeping(Sandbox sandbox, int children, Course course) {
        StandbyPool pool = new StandbyPool(sandbox, children, Optional.of(rehearsal(course)));
        pool.standby = CompletableFuture.completedFuture(pool.prepareStandby());
        return pool;
    }

    /**
     * What children on standby rehearse while they wait: the course's hidden tests against the template's stubs, as a
     * real job runs them. Never against the reference solutions: the child that rehearses runs a student's code next,
     * and nothing it ever held may be an answer. Read once per grader.
     */
    private static WarmUp rehearsal(Course course) {
        CourseBuild build = course.build();
        List<Path> folders = new ArrayList<>(List.of(build.providedClasses(), build.stubClasses()));
        course.exercises().forEach(exercise -> folders.add(build.hiddenTests(exercise.id())));
        List<String> tests = course.exercises().stream()
                .flatMap(exercise -> exercise.tests().stream())
                .map(test -> test.id().toString())
                .toList();
        try {
            return WarmUp.rehearsal(folders, tests);
        } catch (UncheckedIOException e) {
            return WarmUp.engineOnly();   // only speed is lost; a grading reports any real problem with the build
        }
    }

    /** One grading's scratch folder and its children; children on standby are told that their jobs are coming. */
    Lease take() {
        Lease kept = joinStandby();
        if (kept == null) {
            return new Lease(ScratchFolders.create(), null);
        }
        if (kept.children != null) {
            kept.children.expectJobs();
        }
        return kept;
    }

    /**
     * Hands a grading's lease back: with standby (and the pool not closed), the next grading's folder and children
     * are prepared and then this one's are cleaned up, in the background; else they are cleaned up now.
     */
    void release(Lease used) {
        if (rehearsal.isPresent() && !closed) {
            standby = CompletableFuture.supplyAsync(() -> {
                Lease next = prepareStandby();
                used.cleanUp();
                return next;
            }, DaemonThreads.starting("gradecheck-standby"));
        } else {
            used.cleanUp();
        }
    }

    /** Waits, at most about {@code limit}, until the children on standby have warmed up; at once without standby. */
    void awaitWarmedUp(Duration limit) {
        if (standby == null) {
            return;
        }
        Lease ready = joinStandby();
        standby = CompletableFuture.completedFuture(ready);
        if (ready != null && ready.children != null) {
            ready.children.awaitWarmedUp(limit);
        }
    }

    /** Stops the children on standby, if any; gradings afterwards start their own and none are kept any more. */
    @Override
    public void close() {
        closed = true;
        Lease kept = joinStandby();
        if (kept != null) {
            kept.cleanUp();
        }
    }

    /** The standby being prepared, once ready, and none is kept any more; null if there is none or it failed. */
    private Lease joinStandby() {
        CompletableFuture<Lease> pending = standby;
        standby = null;
        try {
            return pending != null ? pending.join() : null;
        } catch (CompletionException e) {
            // No scratch folder could be made; the grading makes its own and reports what goes wrong then.
            return null;
        }
    }

    /** The next grading's scratch folder with its children started; without them if they cannot start. */
    private Lease prepareStandby() {
        Path scratch = ScratchFolders.create();
        try {
            return new Lease(scratch, ChildJvms.prepare(sandbox, scratch, children, rehearsal));
        } catch (RuntimeException e) {
            // The next grading starts its own children and reports what goes wrong then.
            return new Lease(scratch, null);
        }
    }

    /** One grading's scratch folder and child JVMs: those kept on standby, else started when first asked for. */
    final class Lease {

        private final Path scratch;
        private ChildJvms children;

        private Lease(Path scratch, ChildJvms children) {
            this.scratch = scratch;
            this.children = children;
        }

        /** The grading's own scratch folder. */
        Path scratch() {
            return scratch;
        }

        /**
         * The grading's children: those on standby, else started now, without a warm-up.
         *
         * @throws UncheckedIOException if their folders cannot be made
         */
        ChildJvms children() {
            if (children == null) {
                children = ChildJvms.prepare(sandbox, scratch, StandbyPool.this.children, Optional.empty());
            }
            return children;
        }

        private void cleanUp() {
            if (children != null) {
                children.close();
            }
            ScratchFolders.deleteQuietly(scratch);
        }
    }
}
