package dev.gradecheck.pipeline;

import dev.gradecheck.course.Limits;
import dev.gradecheck.sandbox.spec.SandboxSettings;

/**
 * Applies a course's or an exercise's {@link Limits} to the grader's sandbox settings: each limit set replaces the
 * grader's, the others stay. Stateless.
 */
final class ChildLimits {

    private ChildLimits() {
    }

    /** {@code settings} with every limit {@code limits} sets. */
    static SandboxSettings applied(SandboxSettings settings, Limits limits) {
        SandboxSettings applied = settings;
        if (limits.heapMegabytes().isPresent()) {
            applied = applied.withHeapMegabytes(limits.heapMegabytes().getAsInt());
        }
        if (limits.stackKilobytes().isPresent()) {
            applied = applied.withStackKilobytes(limits.stackKilobytes().getAsInt());
        }
        if (limits.outputCapChars().isPresent()) {
            applied = applied.withOutputCapChars(limits.outputCapChars().getAsInt());
        }
        return applied;
    }
}
