package dev.gradecheck.testing;

import dev.gradecheck.platform.JvmFlags;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The start of a command line for a grader JVM a test starts itself (a batch to kill, a worker, a grader as another
 * user): this JVM's {@code java} with the start-up flags {@code bin/grader} gives the grader, so the process under
 * test runs as users run it, and as fast.
 */
public final class TestJvms {

    private TestJvms() {
    }

    /** {@code java}, the grader's start-up flags, then {@code -cp classpath}. */
    public static List<String> java(String classpath) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(JvmFlags.shortRun());
        command.addAll(List.of("-cp", classpath));
        return command;
    }

    /** {@code java}, the grader's start-up flags and this JVM's class path. */
    public static List<String> java() {
        return java(System.getProperty("java.class.path"));
    }
}
