package dev.gradecheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: cli -> server -> app (the tasks) -> Grader facade -> stages -> api. */
class ArchitectureTests {

    private static final JavaClasses GRADER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(mainClasses());

    private static final String[] STAGES = {"dev.gradecheck.course..", "dev.gradecheck.submission..",
        "dev.gradecheck.compile..", "dev.gradecheck.policy..", "dev.gradecheck.structure..", "dev.gradecheck.bytecode..",
        "dev.gradecheck.sandbox..", "dev.gradecheck.scoring..", "dev.gradecheck.report.."};

    @Test
    void apiDependsOnNothingElseOfTheGrader() {
        noClasses().that().resideInAPackage("dev.gradecheck.api..")
                .should().dependOnClassesThat().resideInAnyPackage(withCli(STAGES))
                .check(GRADER);
        noClasses().that().resideInAPackage("dev.gradecheck.api..")
                .should().dependOnClassesThat().resideInAPackage("dev.gradecheck")
                .check(GRADER);
    }

    @Test
    void stagesDependNeitherOnTheFacadeNorOnTheCommandLine() {
        noClasses().that().resideInAnyPackage(STAGES)
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradecheck", "dev.gradecheck.cli..",
                        "dev.gradecheck.server..", "dev.gradecheck.app..")
                .check(GRADER);
    }

    @Test
    void theServerDependsNotOnTheCommandLine() {
        noClasses().that().resideInAPackage("dev.gradecheck.server..")
                .should().dependOnClassesThat().resideInAPackage("dev.gradecheck.cli..")
                .check(GRADER);
    }

    @Test
    void theTasksDependNeitherOnTheCommandLineNorOnTheServer() {
        noClasses().that().resideInAPackage("dev.gradecheck.app..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradecheck.cli..", "dev.gradecheck.server..")
                .check(GRADER);
    }

    @Test
    void classGradingDependsNeitherOnTheCommandLineNorOnTheServerNorOnTheTasks() {
        noClasses().that().resideInAPackage("dev.gradecheck.batch..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradecheck.cli..", "dev.gradecheck.server..",
                        "dev.gradecheck.app..")
                .check(GRADER);
    }

    @Test
    void platformHelpersDependOnNothingElseOfTheGrader() {
        noClasses().that().resideInAPackage("dev.gradecheck.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(withCli(STAGES))
                .check(GRADER);
        noClasses().that().resideInAPackage("dev.gradecheck.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradecheck", "dev.gradecheck.api..",
                        "dev.gradecheck.app..", "dev.gradecheck.server..", "dev.gradecheck.verify..")
                .check(GRADER);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("dev.gradecheck.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(GRADER);
    }

    @Test
    void theChildRunnerDependsOnNoOtherPartOfTheGrader() {
        noClasses().that().resideInAPackage("dev.gradecheck.sandbox.child..")
                .should().dependOnClassesThat().resideInAnyPackage(withCli(
                        "dev.gradecheck", "dev.gradecheck.course..", "dev.gradecheck.submission..",
                        "dev.gradecheck.compile..", "dev.gradecheck.policy..", "dev.gradecheck.structure..", "dev.gradecheck.bytecode..",
                        "dev.gradecheck.scoring..", "dev.gradecheck.report.."))
                .check(GRADER);
    }

    /** The folder (or jar) the grader's main classes were loaded from: importing only it keeps the import fast. */
    private static Path mainClasses() {
        try {
            return Path.of(Grader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] withCli(String... packages) {
        String[] all = java.util.Arrays.copyOf(packages, packages.length + 1);
        all[packages.length] = "dev.gradecheck.cli..";
        return all;
    }
}
