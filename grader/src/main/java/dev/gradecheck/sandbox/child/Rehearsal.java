package dev.gradecheck.sandbox.child;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.launcher.Launcher;

/**
 * A rehearsal of the job to come, for a child started ahead of it: trusted classes (the course's provided code,
 * reference solutions and hidden tests) and the tests to run against them. The child runs them a few times, each time
 * in a fresh class loader and with events and output discarded, as it will run the real job, so the engine, the event
 * channel, the toolkit and the JDK code the tests use are loaded and compiled before the job arrives. Nothing of a
 * rehearsal reaches the parent.
 *
 * <p>The classes travel in memory on the child's standard input, ahead of the job, and never lie in a file the child
 * can read: the reference solutions stay out of the student's reach. A rehearsal stops, between two tests, as soon as
 * anything more arrives on standard input: the parent sends a blank ahead of the job when it starts a grading, so the
 * child yields the processor to the grader's compiler (the job's JSON reader skips the blank).
 *
 * <p>Format, written by the parent with {@link #write}: the int {@link #MAGIC}, the number of classes, each as its
 * binary name (modified UTF-8) and its length-prefixed bytes, then the number of tests, each as
 * {@code fully.qualified.Class#method}. An empty rehearsal (no tests) warms up nothing more than the runner's own cases.
 */
public final class Rehearsal {

    /** First int of a rehearsal on the wire. */
    public static final int MAGIC = 0x67635231;
    /** How often the rehearsal's tests run at most: measured on 2 cores, later rounds no longer got faster. */
    static final int MAX_ROUNDS = 3;
    private static final int MAX_TOTAL_BYTES = 64 * 1024 * 1024;
    private static final int MAX_ENTRIES = 100_000;
    private static final long WATCH_MILLIS = 2;

    private final Map<String, byte[]> classes;
    private final List<String> tests;

    private Rehearsal(Map<String, byte[]> classes, List<String> tests) {
        this.classes = classes;
        this.tests = List.copyOf(tests);
    }

    /** Writes a rehearsal of these classes (binary name to class file bytes) and tests to {@code out}. */
    public static void write(DataOutputStream out, Map<String, byte[]> classes, List<String> tests) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(classes.size());
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeInt(entry.getValue().length);
            out.write(entry.getValue());
        }
        out.writeInt(tests.size());
        for (String test : tests) {
            out.writeUTF(test);
        }
        out.flush();
    }

    /** Reads a rehearsal; throws {@link IOException} when the stream holds none or a damaged one. */
    static Rehearsal read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("standard input does not start with a rehearsal");
        }
        int count = count(in.readInt());
        Map<String, byte[]> classes = new LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int length = in.readInt();
            total += length;
            if (length < 0 || total > MAX_TOTAL_BYTES) {
                throw new IOException("the rehearsal's classes exceed " + MAX_TOTAL_BYTES + " bytes");
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            classes.put(name, bytes);
        }
        int testCount = count(in.readInt());
        List<String> tests = new ArrayList<>();
        for (int i = 0; i < testCount; i++) {
            String test = in.readUTF();
            if (test.indexOf('#') > 0) {
                tests.add(test);
            }
        }
        return new Rehearsal(classes, tests);
    }

    /** The tests to run, as {@code fully.qualified.Class#method}. */
    List<String> tests() {
        return tests;
    }

    /** The binary names of the classes, in the order they arrived. */
    Set<String> classNames() {
        return classes.keySet();
    }

    private static int count(int count) throws IOException {
        if (count < 0 || count > MAX_ENTRIES) {
            throw new IOException("a rehearsal count out of range: " + count);
        }
        return count;
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
