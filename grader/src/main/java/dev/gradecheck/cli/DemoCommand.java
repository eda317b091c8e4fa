package dev.gradecheck.cli;

import dev.gradecheck.app.GradingRequest;
import dev.gradecheck.app.Tasks;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code demo}: grades the solutions, the untouched template and every example, and prints a score table. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Grades the bundled submissions — solutions/src/main/java, student-template/ and every folder "
                + "under examples/ — prints their scores and writes their reports under out/demo/<name>/.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        GradingRequest request = new GradingRequest(GradingRequest.Task.DEMO, main.invocation().workingDirectory(),
                Optional.of(main.courseRoot()), System.getenv(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty());
        return Tasks.run(request, main.invocation().graders(), spec.commandLine().getOut(),
                spec.commandLine().getErr()).code();
    }
}
