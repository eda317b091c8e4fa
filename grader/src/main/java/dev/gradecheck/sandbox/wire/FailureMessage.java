package dev.gradecheck.sandbox.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Turns what a test threw into the message a student reads: the assertion's own message for a failed check; for a
 * crash, the exception and message followed by the stack frames of the student's own code (hidden-test, JUnit and JDK
 * frames are pruned, repeated frames folded), then the same for its causes. Capped in length. Stateless.
 */
@API(status = API.Status.INTERNAL)
public final class FailureMessage {

    static final int MAX_CHARS = 2000;
    private static final int MAX_FRAME_LINES = 8;
    private static final int MAX_CAUSES = 3;

    private FailureMessage() {
    }

    /**
     * The message for {@code thrown}.
     *
     * @param stackKilobytes the child's stack size, quoted when the stack overflowed
     */
    public static String of(Thrown thrown, int stackKilobytes) {
        String text = thrown.assertion() ? assertionText(thrown) : crashText(thrown, stackKilobytes);
        return cap(text);
    }

    public static String cap(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 1) + "…";
    }

    private static String assertionText(Thrown thrown) {
        if (!thrown.message().isBlank()) {
            return thrown.message();
        }
        return thrown.simpleName() + " (the check gave no message)" + firstOwnFrame(thrown).map(f -> " at " + f)
                .orElse("");
    }

    private static String crashText(Thrown thrown, int stackKilobytes) {
        StringBuilder text = new StringBuilder(header(thrown));
        if (thrown.exception().equals("java.lang.StackOverflowError")) {
            text.append(" — an infinite recursion? The stack (").append(stackKilobytes)
                    .append(" KB) ran out; use a loop instead of deep recursion");
        }
        frameLines(thrown).forEach(line -> text.append('\n').append(line));
        Optional<Thrown> cause = thrown.cause();
        for (int i = 0; i < MAX_CAUSES && cause.isPresent(); i++) {
            text.append("\ncaused by ").append(header(cause.get()));
            frameLines(cause.get()).forEach(line -> text.append('\n').append(line));
            cause = cause.get().cause();
        }
        return text.toString();
    }

    private static String header(Thrown thrown) {
        return thrown.message().isBlank() ? thrown.exception() : thrown.exception() + ": " + thrown.message();
    }

    private static Optional<Thrown.Frame> firstOwnFrame(Thrown thrown) {
        return thrown.frames().stream().filter(Thrown.Frame::own).findFirst();
    }

    /** {@code at X.y(X.java:3)} per own frame, runs of the same frame folded, at most a few lines. */
    private static List<String> frameLines(Thrown thrown) {
        List<String> lines = new ArrayList<>();
        List<Thrown.Frame> own = thrown.frames().stream().filter(Thrown.Frame::own).toList();
        int i = 0;
        while (i < own.size() && lines.size() < MAX_FRAME_LINES) {
            int run = 1;
            while (i + run < own.size() && own.get(i + run).equals(own.get(i))) {
                run++;
            }
            lines.add("  at " + own.get(i) + (run > 1 ? " (" + run + " times in a row)" : ""));
            i += run;
        }
        int hidden = own.size() - i + (own.isEmpty() ? 0 : thrown.omittedFrames());
        if (hidden > 0) {
            lines.add("  … " + hidden + " more frames");
        }
        return lines;
    }
}
