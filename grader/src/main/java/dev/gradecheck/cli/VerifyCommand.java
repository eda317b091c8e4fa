package dev.gradecheck.cli;

import dev.gradecheck.app.GradingRequest;
import dev.gradecheck.app.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code verify [--exercise ID ...]}: the exercise suite's self-test, for instructors before a release and for CI. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Verifies the exercise suite: the solutions must score full marks with no diagnosis; the "
                + "untouched template must score 0, every test failing cleanly within its time limit; every known-bug "
                + "variant (exercises/<id>/mutants/<code>/, overlaid on the solutions) must lose points on its own "
                + "exercise only and be diagnosed with its code.",
                "Prints one row per exercise and variant; progress goes to stderr."},
        footer = {"", "Exit codes: 0 every row ok, 4 some row fell short (the summary names it), 1 internal error, "
                + "2 usage error, 3 invalid exercise suite."})
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Option(names = "--exercise", paramLabel = "ID", description = "Verify only this exercise (repeatable). Default: all.")
    private List<String> exercises = new ArrayList<>();

    @Override
    public Integer call() {
        GradingRequest request = new GradingRequest(GradingRequest.Task.VERIFY, main.invocation().workingDirectory(),
                Optional.of(main.courseRoot()), System.getenv(), Optional.empty(), Optional.empty(), exercises,
                Optional.empty(), Optional.empty());
        return Tasks.run(request, main.invocation().graders(), spec.commandLine().getOut(),
                spec.commandLine().getErr()).code();
    }
}
