package dev.gradecheck.course;

import java.util.Objects;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * The sandbox limits a course ({@code course.json}) or an exercise ({@code exercise.json}) sets, each optional: where
 * one is absent, the level above decides (the exercise's course, then the grader's defaults). Immutable.
 *
 * @param heapMegabytes the child JVM's maximum heap ({@code -Xmx}), {@value #MIN_HEAP}..{@value #MAX_HEAP}
 * @param stackKilobytes the child's thread stack size ({@code -Xss}), {@value #MIN_STACK}..{@value #MAX_STACK}
 * @param outputCapChars how many characters of each test's output are kept, 0..{@value #MAX_OUTPUT}
 */
@API(status = API.Status.INTERNAL)
public record Limits(OptionalInt heapMegabytes, OptionalInt stackKilobytes, OptionalInt outputCapChars) {

    static final int MIN_HEAP = 16;
    static final int MAX_HEAP = 65_536;
    static final int MIN_STACK = 128;
    static final int MAX_STACK = 1_048_576;
    static final int MAX_OUTPUT = 10_000_000;

    /** No limit set: the level above decides every one. */
    public static final Limits NONE = new Limits(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());

    public Limits {
        Objects.requireNonNull(heapMegabytes, "heapMegabytes");
        Objects.requireNonNull(stackKilobytes, "stackKilobytes");
        Objects.requireNonNull(outputCapChars, "outputCapChars");
        require("heapMegabytes", heapMegabytes, MIN_HEAP, MAX_HEAP);
        require("stackKilobytes", stackKilobytes, MIN_STACK, MAX_STACK);
        require("outputCapChars", outputCapChars, 0, MAX_OUTPUT);
    }

    /** These limits, each replaced by {@code other}'s where {@code other} sets it. */
    public Limits overriddenBy(Limits other) {
        return new Limits(or(other.heapMegabytes, heapMegabytes), or(other.stackKilobytes, stackKilobytes),
                or(other.outputCapChars, outputCapChars));
    }

    /** True when no limit is set. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    private static OptionalInt or(OptionalInt first, OptionalInt second) {
        return first.isPresent() ? first : second;
    }

    private static void require(String name, OptionalInt value, int min, int max) {
        if (value.isPresent() && (value.getAsInt() < min || value.getAsInt() > max)) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + value.getAsInt());
        }
    }
}
