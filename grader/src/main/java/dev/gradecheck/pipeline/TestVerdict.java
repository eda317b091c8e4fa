package dev.gradecheck.pipeline;

import java.nio.file.Path;
import java.util.Objects;

/** The front stages' answer to "may the hidden tests of this exercise run?": yes, against these classes, or no, because. */
sealed interface TestVerdict permits TestVerdict.Run, TestVerdict.NotRun {

    /**
     * The tests run.
     *
     * @param studentClasses the folder holding the student's compiled classes of the exercise
     */
    record Run(Path studentClasses) implements TestVerdict {

        public Run {
            Objects.requireNonNull(studentClasses, "studentClasses");
        }
    }

    /**
     * The tests must not run; the exercise scores 0.
     *
     * @param reason why, the end of a sentence the report shows, e.g. {@code it does not compile: Mlp.java:3: ...}
     */
    record NotRun(String reason) implements TestVerdict {

        public NotRun {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a verdict not to run the tests must say why, was \"" + reason + "\"");
            }
        }
    }
}
