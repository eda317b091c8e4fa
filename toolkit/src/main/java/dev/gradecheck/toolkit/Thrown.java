package dev.gradecheck.toolkit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Turns an exception thrown inside one check into that check's failed verdict, naming the student's frame. */
final class Thrown {

    private static final List<String> FOREIGN = List.of("java.", "javax.", "jdk.", "sun.", "org.junit.",
            "org.opentest4j.", "dev.gradecheck.");

    private Thrown() {
    }

    static TensorCheck asCheck(String name, Throwable thrown) {
        Optional<String> stub = Stubs.stubMessage(thrown);
        if (stub.isPresent()) {
            return TensorCheck.failed(name, Double.NaN, List.of(new Finding(Stubs.NOT_IMPLEMENTED, name
                    + " needs code that is still a stub (" + stub.get() + "): implement it first. Only this check"
                    + " is lost; the test's other checks are graded on their own.")));
        }
        return TensorCheck.failed(name, Double.NaN, List.of(new Finding("threw-exception", name + " threw "
                + describe(thrown) + where(thrown) + " — only this check is lost; fix the exception, then the"
                + " check compares the values.")));
    }

    private static String describe(Throwable thrown) {
        String message = thrown.getMessage();
        return thrown.getClass().getSimpleName() + (message == null ? "" : "(\"" + message + "\")");
    }

    /**
     * {@code  at Value.java:106}: the innermost frame of the code the check called (the frames above the toolkit's)
     * that is outside the JDK, JUnit and the hidden tests; empty when there is none.
     */
    private static String where(Throwable thrown) {
        return Arrays.stream(thrown.getStackTrace())
                .takeWhile(frame -> !frame.getClassName().startsWith(Thrown.class.getPackageName() + "."))
                .filter(Thrown::isStudentFrame).findFirst()
                .map(frame -> " at " + frame.getFileName() + ":" + frame.getLineNumber()).orElse("");
    }

    private static boolean isStudentFrame(StackTraceElement frame) {
        String file = frame.getFileName();
        return file != null && !file.endsWith("Tests.java")
                && FOREIGN.stream().noneMatch(frame.getClassName()::startsWith);
    }
}
