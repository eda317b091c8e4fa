package dev.gradecheck.sandbox;

import static dev.gradecheck.sandbox.Fixtures.result;
import static dev.gradecheck.sandbox.Fixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gradecheck.api.Integrity;
import dev.gradecheck.api.TestId;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.sandbox.spec.LingeringThreads;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread one exercise's test leaves running, printing every 10 ms, in a real child: it prints into no other test's
 * output, and it is reported as its own test's lingering thread.
 */
class StrayThreadIT {

    @TempDir
    static Path temp;

    private static SandboxRun run;

    @BeforeAll
    static void runAJobWithAChattyThread() {
        Path classes = Fixtures.compile("threads", temp.resolve("classes"));
        run = Sandbox.create(Fixtures.settings()).run(new SandboxJob(List.of(classes), List.of(
                spec("ChattyHiddenTests#leavesAChattyThread"), spec("QuietHiddenTests#first"),
                spec("QuietHiddenTests#second")), Fixtures.workDirectory(temp, "work")));
    }

    @Test
    void outputOfAThreadLeftByAnEarlierTestGoesIntoNoOtherTest() {
        assertEquals(TestStatus.PASSED, result(run, "QuietHiddenTests#first").status());
        assertEquals("B's own output\n", result(run, "QuietHiddenTests#first").output().text());
        assertEquals("B's helper thread\n", result(run, "QuietHiddenTests#second").output().text(),
                "a thread the test itself starts still prints into its output");
    }

    @Test
    void reportsTheThreadThatOutlivedItsTestOnThatTest() {
        assertEquals(TestStatus.PASSED, result(run, "ChattyHiddenTests#leavesAChattyThread").status());
        assertEquals(List.of(new LingeringThreads(TestId.parse(Fixtures.PACKAGE
                + "ChattyHiddenTests#leavesAChattyThread"), 1, List.of("chatty"))), run.lingering());
        assertEquals(Integrity.NONE, run.integrity(), "a stray thread is not tampering");
    }
}
