package dev.gradecheck.protocol;

import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.ServiceLoader;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * The format spoken between the sandbox parent and the child runner: the job (parent to child, one JSON object on the
 * child's standard input) and the events (child to parent, JSON lines on the child's real standard output, which the
 * parent sends to a file of its own).
 *
 * <p>Every event line is a frame {@code {"p": PAYLOAD, "mac": HEX}} on a line of its own, where {@code PAYLOAD} is
 * the event object serialized as a JSON string and {@code HEX} is the HMAC-SHA256 of the payload's UTF-8 bytes under
 * the run's token. Each payload carries a sequence number starting at 1. The child writes a newline before and after
 * every frame, so a partial line left in the file by someone else cannot swallow a real event.
 *
 * <p>Both sides compile against this class; in the child it is part of the runner's module, in a package the module
 * exports (the gradient toolkit, in the unnamed module, uses {@link DiagnosisCodec} beside it) but does not open.
 * It holds no state and no key: the token is the caller's. Stateless and thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class Wire {

    /** HMAC algorithm of every frame. */
    public static final String MAC_ALGORITHM = "HmacSHA256";
    /** Length of the per-run token, in bytes (256 bits). */
    public static final int TOKEN_BYTES = 32;

    // launch
    /** The child runner's main class, in the runner's module. */
    public static final String RUNNER_MAIN = "dev.gradecheck.child.ChildMain";
    /** The argument that asks a child for a warm-up run ({@link RehearsalFormat}) before the job is read. */
    public static final String WARM_UP = "--warm-up";
    /**
     * The line a warming child prints on its standard error once it has warmed up (before any course class of the
     * job is loaded, so no student code can have printed it).
     */
    public static final String WARMED_UP = "gradecheck child: warmed up";

    // job fields
    public static final String JOB_TOKEN = "token";
    public static final String JOB_OUTPUT_CAP = "outputCap";
    public static final String JOB_CLASSPATH = "classpath";
    public static final String JOB_TESTS = "tests";
    /** The exercise id of each test, in the order of {@link #JOB_TESTS}. */
    public static final String JOB_EXERCISES = "exercises";
    /** What an exercise may leave behind for the next: megabytes of heap, of direct memory, and running threads. */
    public static final String JOB_HEAP_LIMIT_MB = "heapLimitMb";
    public static final String JOB_DIRECT_LIMIT_MB = "directLimitMb";
    public static final String JOB_THREAD_LIMIT = "threadLimit";
    /** Each test's time limit in milliseconds, in the order of {@link #JOB_TESTS}: when to sample where it is. */
    public static final String JOB_TIMEOUTS_MILLIS = "timeoutsMillis";
    /**
     * Methods that already ran past a test's limit: objects of {@link #EXERCISE}, {@link #CLASS} and
     * {@link #FRAME_METHOD}. While a test of that exercise runs, the child reports ({@link #STACK_SAMPLE}) when one of
     * them has been on its stack for {@link #JOB_LOOP_PATIENCE_MILLIS} in a row.
     */
    public static final String JOB_LOOPS = "loops";
    /** How long a method of {@link #JOB_LOOPS} must stay on a test's stack before the child reports it. */
    public static final String JOB_LOOP_PATIENCE_MILLIS = "loopPatienceMillis";

    // frame fields
    public static final String FRAME_PAYLOAD = "p";
    public static final String FRAME_MAC = "mac";

    // event fields
    public static final String SEQ = "seq";
    public static final String TYPE = "type";
    public static final String TEST = "test";
    public static final String CLASS = "class";
    public static final String KEY = "key";
    public static final String VALUE = "value";
    public static final String STATUS = "status";
    public static final String FAILURE = "failure";
    public static final String NOTE = "note";
    public static final String OUTPUT = "output";
    public static final String DROPPED = "dropped";
    public static final String DURATION_NANOS = "durationNanos";
    public static final String INVOCATION = "invocation";
    public static final String INVOCATIONS = "invocations";
    public static final String FAILED_INVOCATIONS = "failedInvocations";
    /** In a finished event: how many threads the test started are still alive (absent when none). */
    public static final String LINGERING = "lingering";
    /** In a finished event: up to three of those threads' names, printable, sorted. */
    public static final String LINGERING_NAMES = "lingeringNames";

    /** In a resources-retained event: the exercise whose tests had just run. */
    public static final String EXERCISE = "exercise";
    /** In a resources-retained event: {@link #HEAP}, {@link #DIRECT_MEMORY} or {@link #THREADS}. */
    public static final String RESOURCE = "resource";
    /** In a resources-retained event: the limit exceeded (megabytes, or threads). */
    public static final String LIMIT = "limit";

    // retained resources
    public static final String HEAP = "heap";
    public static final String DIRECT_MEMORY = "direct-memory";
    public static final String THREADS = "threads";

    // failure fields
    public static final String EXCEPTION = "exception";
    public static final String MESSAGE = "message";
    public static final String ASSERTION = "assertion";
    public static final String FRAMES = "frames";
    public static final String OMITTED_FRAMES = "omittedFrames";
    public static final String CAUSE = "cause";
    public static final String FRAME_CLASS = "class";
    public static final String FRAME_METHOD = "method";
    public static final String FRAME_FILE = "file";
    public static final String FRAME_LINE = "line";
    public static final String FRAME_OWN = "own";

    // event types
    public static final String READY = "ready";
    public static final String CLASS_STARTED = "class-started";
    public static final String CLASS_FINISHED = "class-finished";
    public static final String STARTED = "started";
    public static final String ENTRY = "entry";
    /** The running test's output so far ({@link #OUTPUT}, {@link #DROPPED}): what a killed test keeps. */
    public static final String OUTPUT_SO_FAR = "output-so-far";
    /**
     * Where the running test's own code is ({@link #FRAMES}: the course's frames of the thread running it, innermost
     * first, without hidden-test, JUnit, toolkit or JDK frames): sent shortly before its time limit, and when a
     * method of {@link #JOB_LOOPS} has stayed on its stack for the patience. Information for the student's message.
     */
    public static final String STACK_SAMPLE = "stack-sample";
    /** In a stack sample: whether a method of {@link #JOB_LOOPS} has stayed on the stack for the patience. */
    public static final String STUCK = "stuck";
    public static final String FINISHED = "finished";
    /**
     * Between two exercises' tests: the earlier exercise left more than a limit of a resource behind
     * ({@link #EXERCISE}, {@link #RESOURCE}, {@link #LIMIT}); the child stops after these events, without
     * {@link #DONE}, and the parent runs the rest in a fresh child.
     */
    public static final String RESOURCES_RETAINED = "resources-retained";
    public static final String DONE = "done";

    // finished statuses
    public static final String SUCCESSFUL = "SUCCESSFUL";
    public static final String FAILED = "FAILED";
    public static final String ABORTED = "ABORTED";
    public static final String SKIPPED = "SKIPPED";
    /** The test was requested but never executed (no such method, its class could not be loaded, ...). */
    public static final String MISSING = "MISSING";

    private static final JsonProvider JSON = provider();

    private Wire() {
    }

    /**
     * The JSON-P provider both sides use, created directly rather than through {@code ServiceLoader}, so a
     * {@code META-INF/services/jakarta.json.spi.JsonProvider} on some class path cannot replace it.
     */
    public static JsonProvider json() {
        return JSON;
    }

    /**
     * Parsson's provider. In the child, where this class is in the runner's module and Parsson's implementation
     * package is not exported, it is looked up among the boot layer's modules (never on a class path); in the grader,
     * it is created directly.
     */
    private static JsonProvider provider() {
        Module runner = Wire.class.getModule();
        if (runner.isNamed() && runner.getLayer() != null) {
            return ServiceLoader.load(runner.getLayer(), JsonProvider.class).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no JSON-P provider in the child's module layer"));
        }
        return new JsonProviderImpl();
    }

    /** Hex HMAC-SHA256 of the payload's UTF-8 bytes under the token. */
    public static String sign(byte[] token, String payload) {
        return HexFormat.of().formatHex(mac(token, payload));
    }

    /** True when {@code macHex} is the payload's MAC under the token; compares in constant time. */
    public static boolean verify(byte[] token, String payload, String macHex) {
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(macHex);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(mac(token, payload), claimed);
    }

    private static byte[] mac(byte[] token, String payload) {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(new SecretKeySpec(token, MAC_ALGORITHM));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute " + MAC_ALGORITHM, e);
        }
    }
}
