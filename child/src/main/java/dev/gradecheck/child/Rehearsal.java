package dev.gradecheck.child;

import dev.gradecheck.protocol.RehearsalFormat;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.launcher.Launcher;

/**
 * A rehearsal of the job to come, for a child started ahead of it: the parent's warm-up cases (test classes that
 * exercise the engine, report entries, output and the gradient toolkit), then trusted classes (the course's provided
 * code, reference solutions and hidden tests) and the tests to run against them. The child runs the warm-up cases
 * once, then the rehearsal's tests a few times, each time in a fresh class loader and with events and output
 * discarded, as it will run the real job, so the engine, the event channel, the toolkit and the JDK code the tests
 * use are loaded and compiled before the job arrives. Nothing of a rehearsal reaches the parent.
 *
 * <p>The classes travel in memory on the child's standard input, ahead of the job, and never lie in a file the child
 * can read: the reference solutions stay out of the student's reach. A rehearsal stops, between two tests, as soon as
 * anything more arrives on standard input: the parent sends a blank ahead of the job when it starts a grading, so the
 * child yields the processor to the grader's compiler (the job's JSON reader skips the blank).
 *
 * <p>Format: {@link RehearsalFormat}. An empty rehearsal (no tests) warms up nothing more than the warm-up cases.
 */
final class Rehearsal {

    /** How often the rehearsal's tests run at most: measured on 2 cores, later rounds no longer got faster. */
    static final int MAX_ROUNDS = 3;
    /** First int of a rehearsal on the wire. */
    static final int MAGIC = RehearsalFormat.MAGIC;
    private static final long WATCH_MILLIS = 2;

    private final Map<String, byte[]> warmUpCases;
    private final Map<String, byte[]> classes;
    private final List<String> tests;

    private Rehearsal(RehearsalFormat.Contents contents) {
        this.warmUpCases = contents.warmUpCases();
        this.classes = contents.classes();
        this.tests = contents.tests();
    }

    /** Writes a rehearsal of these classes (binary name to class file bytes) and tests, without warm-up cases. */
    static void write(DataOutputStream out, Map<String, byte[]> classes, List<String> tests) throws IOException {
        RehearsalFormat.write(out, Map.of(), classes, tests);
    }

    /** Reads a rehearsal; throws {@link IOException} when the stream holds none or a damaged one. */
    static Rehearsal read(DataInputStream in) throws IOException {
        return new Rehearsal(RehearsalFormat.read(in));
    }

    /**
     * The warm-up cases as the course's classes are loaded: through a course loader of their own, in the unnamed
     * module (the runner's module opens nothing, not even to JUnit, and does not read the toolkit). A class that
     * cannot be loaded is left out: only speed is lost.
     */
    List<Class<?>> warmUpCases() {
        ClassLoader loader = CourseClassLoader.inMemory(warmUpCases);
        List<Class<?>> cases = new ArrayList<>();
        for (String name : warmUpCases.keySet()) {
            try {
                if (name.indexOf('$') < 0) {
                    cases.add(Class.forName(name, false, loader));
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // Only speed is lost.
            }
        }
        return cases;
    }

    /** The tests to run, as {@code fully.qualified.Class#method}. */
    List<String> tests() {
        return tests;
    }

    /** The binary names of the classes, in the order they arrived. */
    Set<String> classNames() {
        return classes.keySet();
    }

    /**
     * Runs the tests up to {@link #MAX_ROUNDS} times, until {@code in} has something to read; then forgets the
     * classes. Output is discarded; whatever a test does wrong is ignored (a rehearsal only costs time).
     */
    void run(Launcher launcher, InputStream in) {
        if (tests.isEmpty() || hasInput(in)) {
            classes.clear();
            return;
        }
        CancellationToken cancel = CancellationToken.create();
        Thread watch = new Thread(() -> watch(in, cancel), "gradecheck-rehearsal-watch");
        watch.setDaemon(true);
        watch.start();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        FailureEncoder failures = new FailureEncoder(ChildMain.testClasses(tests));
        try {
            for (int round = 0; round < MAX_ROUNDS && !cancel.isCancellationRequested(); round++) {
                runOnce(launcher, failures, cancel);
            }
        } catch (RuntimeException | LinkageError e) {
            // Only speed is lost: the real run loads and compiles what it needs itself.
        } finally {
            cancel.cancel();
            System.setOut(out);
            System.setErr(err);
            Thread.currentThread().setContextClassLoader(context);
            classes.clear();
        }
    }

    private void runOnce(Launcher launcher, FailureEncoder failures, CancellationToken cancel) {
        ClassLoader loader = CourseClassLoader.inMemory(classes);
        TestSelection selection = TestSelection.resolve(tests, loader);
        GradingListener listener = new GradingListener(EventChannel.discarding(), failures, 1024, tests);
        Thread.currentThread().setContextClassLoader(loader);
        ChildMain.execute(launcher, selection, listener, cancel);
    }

    private static boolean hasInput(InputStream in) {
        try {
            return in.available() > 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static void watch(InputStream in, CancellationToken cancel) {
        try {
            while (!cancel.isCancellationRequested()) {
                if (in.available() > 0) {
                    cancel.cancel();
                    return;
                }
                Thread.sleep(WATCH_MILLIS);
            }
        } catch (IOException e) {
            cancel.cancel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
