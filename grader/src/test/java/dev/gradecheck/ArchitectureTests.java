package dev.gradecheck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.syntax.elements.ClassesShouldConjunction;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.gradecheck.app.ExitCode;
import dev.gradecheck.app.Graders;
import dev.gradecheck.app.GradingRequest;
import dev.gradecheck.app.Tasks;
import dev.gradecheck.course.Course;
import dev.gradecheck.course.CourseBuild;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.protocol.Wire;
import dev.gradecheck.sandbox.warmup.WarmUpCases;
import dev.gradecheck.toolkit.Gradients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: cli -> server, batch -> app (the tasks) -> Grader facade -> pipeline -> stages -> api; the
 * sandbox's parts are reached through its top package only and form no cycle; the child runner and the protocol,
 * modules of their own, depend on nothing of the grader; no package is part of a cycle; only the command line and the
 * child touch the standard streams or end the JVM; every public type says whether it is API or plumbing ({@link API}).
 */
class ArchitectureTests {

    private static final JavaClasses GRADER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ArchitectureTests::isNotGeneratedTemplate)
            .importPath(mainClasses());

    /** The Java the jte plugin generates from the page templates (src/main/jte): not written by hand, no API. */
    private static boolean isNotGeneratedTemplate(Location location) {
        return !location.contains("/dev/gradecheck/report/html/templates/");
    }

    /** The child runner and the protocol, as the sandbox finds them: from their own artifacts. */
    private static final JavaClasses CHILD_AND_PROTOCOL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(List.of(codeSource(runnerMain()), codeSource(Wire.class)));

    /** What may run next to student code in the child's runner module, besides its own two packages. */
    private static final String[] CHILD_LIBRARIES = {"java..", "javax.crypto..", "org.junit.platform..",
        "org.junit.jupiter..", "org.opentest4j..", "org.apiguardian..", "jakarta.json..", "org.eclipse.parsson..",
        "dev.gradecheck.protocol..", "dev.gradecheck.child.."};

    /** The toolkit, as hidden tests find it: from its own artifact. */
    private static final JavaClasses TOOLKIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(List.of(codeSource(Gradients.class)));

    private static final String[] SANDBOX_PARTS = {"dev.gradecheck.sandbox.wire..", "dev.gradecheck.sandbox.isolation..",
        "dev.gradecheck.sandbox.runtime..", "dev.gradecheck.sandbox.job..", "dev.gradecheck.sandbox.warmup.."};

    private static final String[] STAGES = {"dev.gradecheck.course..", "dev.gradecheck.submission..",
        "dev.gradecheck.compile..", "dev.gradecheck.policy..", "dev.gradecheck.structure..", "dev.gradecheck.bytecode..",
        "dev.gradecheck.sandbox..", "dev.gradecheck.scoring..", "dev.gradecheck.report.."};

    /**
     * The stages each stage may use (besides {@code api}, {@code platform}, the protocol and libraries); every other
     * stage is out of bounds for it. Each edge is one the pipeline's order allows: a stage uses only what comes before
     * it or below it.
     */
    private static final Map<String, List<String>> STAGES_BELOW = Map.of(
            "submission", List.of(),
            "policy", List.of(),
            "course", List.of("policy"),
            "compile", List.of("submission"),
            "structure", List.of("submission", "policy"),
            "bytecode", List.of("policy"),
            "sandbox", List.of(),
            "scoring", List.of("course"),
            "report", List.of("scoring"));

    /**
     * Plumbing: public only because another package of the grader uses them, so every public type there is
     * {@code @API(status = INTERNAL)}.
     */
    private static final String[] PLUMBING = {"dev.gradecheck.pipeline..", "dev.gradecheck.sandbox.job..",
        "dev.gradecheck.sandbox.wire..", "dev.gradecheck.sandbox.isolation..", "dev.gradecheck.sandbox.runtime..",
        "dev.gradecheck.sandbox.warmup..", "dev.gradecheck.app..", "dev.gradecheck.server..",
        "dev.gradecheck.platform..", "dev.gradecheck.submission..", "dev.gradecheck.compile..",
        "dev.gradecheck.structure..", "dev.gradecheck.bytecode..", "dev.gradecheck.policy..",
        "dev.gradecheck.scoring..", "dev.gradecheck.verify..", "dev.gradecheck.child.."};

    @Test
    void noPackageOfTheGraderIsPartOfACycle() {
        slices().assignedFrom(EVERY_PACKAGE).should().beFreeOfCycles()
                .check(GRADER);
    }

    @Test
    void eachStageUsesOnlyTheStagesBeforeOrBelowIt() {
        STAGES_BELOW.forEach((stage, below) -> noClasses().that().resideInAPackage("dev.gradecheck." + stage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(STAGES_BELOW.keySet().stream()
                        .filter(other -> !other.equals(stage) && !below.contains(other))
                        .map(other -> "dev.gradecheck." + other + "..").toArray(String[]::new))
                .check(GRADER));
    }

    @Test
    void everyStageIsInTheTableOfStages() {
        assertEquals(java.util.Arrays.stream(STAGES)
                        .map(stage -> stage.substring("dev.gradecheck.".length(), stage.length() - "..".length()))
                        .collect(Collectors.toSet()),
                STAGES_BELOW.keySet());
    }

    /**
     * Only the command line ({@code cli.Main.main}, for the one-off grading and the server's process alike) prints
     * to the standard streams, reads standard input or ends the JVM; everything else gets its streams passed in and
     * returns an exit code. The one exception: {@code sandbox.warmup.WarmUpCases}, instructor code that runs inside a
     * child JVM (never in the grader) and prints so that the child's output capture is warmed up too.
     */
    @Test
    void onlyTheCommandLineTouchesTheStandardStreamsOrEndsTheJvm() {
        touchTheStandardStreamsOrEndTheJvm(noClasses().that().resideOutsideOfPackage("dev.gradecheck.cli..")
                .and().doNotBelongToAnyOf(WarmUpCases.class))
                .check(GRADER);
    }

    /** The toolkit and the protocol run inside the child next to the runner, which owns its streams and its exit. */
    @Test
    void theToolkitAndTheProtocolLeaveTheStandardStreamsAndTheJvmsExitToTheChildRunner() {
        touchTheStandardStreamsOrEndTheJvm(noClasses().that().resideInAPackage("dev.gradecheck.toolkit.."))
                .check(TOOLKIT);
        touchTheStandardStreamsOrEndTheJvm(noClasses().that().resideInAPackage("dev.gradecheck.protocol.."))
                .check(CHILD_AND_PROTOCOL);
    }

    @Test
    void everyPublicTypeSaysWhetherItIsApiOrPlumbing() {
        classes().that().arePublic().and().areTopLevelClasses()
                .should().beAnnotatedWith(API.class)
                .check(GRADER);
        classes().that().arePublic().and().areTopLevelClasses()
                .should().beAnnotatedWith(API.class)
                .check(CHILD_AND_PROTOCOL);
        classes().that().arePublic().and().areTopLevelClasses()
                .should().beAnnotatedWith(API.class)
                .check(TOOLKIT);
    }

    @Test
    void theFacadeAndTheReportModelAreStableApi() {
        classes().that().resideInAnyPackage("dev.gradecheck", "dev.gradecheck.api..").and().arePublic()
                .and().areTopLevelClasses()
                .should().beAnnotatedWith(status(API.Status.STABLE))
                .check(GRADER);
    }

    @Test
    void plumbingIsMarkedInternal() {
        classes().that().resideInAnyPackage(PLUMBING).and().arePublic().and().areTopLevelClasses()
                .should().beAnnotatedWith(status(API.Status.INTERNAL))
                .check(GRADER);
        classes().that().resideInAPackage("dev.gradecheck.child..").and().arePublic().and().areTopLevelClasses()
                .should().beAnnotatedWith(status(API.Status.INTERNAL))
                .check(CHILD_AND_PROTOCOL);
    }

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
                        "dev.gradecheck.server..", "dev.gradecheck.app..", "dev.gradecheck.batch..")
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

    /**
     * Class grading sits on top of the tasks, beside the server: it grades each submission through {@link Tasks}, as
     * {@code grade} does, and uses of {@code app} only the task API; it never reaches the command line, the server
     * or the pipeline, and only the command line calls it.
     */
    @Test
    void classGradingUsesTheTaskApiButNeitherTheCommandLineNorTheServer() {
        noClasses().that().resideInAPackage("dev.gradecheck.batch..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradecheck.cli..", "dev.gradecheck.server..")
                .check(GRADER);
        noClasses().that().resideInAPackage("dev.gradecheck.batch..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.gradecheck.app..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(Tasks.class,
                                GradingRequest.class, Graders.class, ExitCode.class))))
                .check(GRADER);
        noClasses().that().resideOutsideOfPackages("dev.gradecheck.cli..", "dev.gradecheck.batch..")
                .should().dependOnClassesThat().resideInAPackage("dev.gradecheck.batch..")
                .check(GRADER);
    }

    @Test
    void platformHelpersDependOnNothingElseOfTheGrader() {
        noClasses().that().resideInAPackage("dev.gradecheck.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(withCli(STAGES))
                .check(GRADER);
        noClasses().that().resideInAPackage("dev.gradecheck.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradecheck", "dev.gradecheck.api..",
                        "dev.gradecheck.app..", "dev.gradecheck.server..", "dev.gradecheck.verify..",
                        "dev.gradecheck.batch..")
                .check(GRADER);
    }

    @Test
    void thePipelineDependsOnTheStagesAndTheStagesNotOnThePipeline() {
        noClasses().that().resideInAnyPackage(STAGES)
                .should().dependOnClassesThat().resideInAPackage("dev.gradecheck.pipeline..")
                .check(GRADER);
        noClasses().that().resideInAPackage("dev.gradecheck.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage(withCli("dev.gradecheck", "dev.gradecheck.verify..",
                        "dev.gradecheck.server..", "dev.gradecheck.app..", "dev.gradecheck.report.."))
                .check(GRADER);
    }

    @Test
    void onlyTheFacadeUsesThePipeline() {
        noClasses().that().resideOutsideOfPackages("dev.gradecheck", "dev.gradecheck.pipeline..")
                .should().dependOnClassesThat().resideInAPackage("dev.gradecheck.pipeline..")
                .check(GRADER);
    }

    @Test
    void theFrontStagesDoNotDependOnOneAnother() {
        String[] front = {"dev.gradecheck.compile..", "dev.gradecheck.structure..", "dev.gradecheck.bytecode.."};
        for (String stage : front) {
            noClasses().that().resideInAPackage(stage)
                    .should().dependOnClassesThat().resideInAnyPackage(others(front, stage))
                    .check(GRADER);
        }
    }

    @Test
    void stagesDoNotReachSidewaysIntoStagesBeforeOrAfterThem() {
        noClasses().that().resideInAnyPackage("dev.gradecheck.compile..", "dev.gradecheck.structure..",
                        "dev.gradecheck.bytecode..", "dev.gradecheck.submission..", "dev.gradecheck.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradecheck.sandbox..",
                        "dev.gradecheck.scoring..", "dev.gradecheck.report..")
                .check(GRADER);
        noClasses().that().resideInAPackage("dev.gradecheck.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradecheck.submission..",
                        "dev.gradecheck.compile..", "dev.gradecheck.structure..", "dev.gradecheck.bytecode..",
                        "dev.gradecheck.scoring..", "dev.gradecheck.report..")
                .check(GRADER);
        noClasses().that().resideInAPackage("dev.gradecheck.scoring..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradecheck.submission..",
                        "dev.gradecheck.compile..", "dev.gradecheck.structure..", "dev.gradecheck.bytecode..",
                        "dev.gradecheck.sandbox..", "dev.gradecheck.report..")
                .check(GRADER);
    }

    @Test
    void theCommandLineAndTheVerifierSeeTheCourseOnlyThroughTheFacadesView() {
        noClasses().that().resideInAnyPackage("dev.gradecheck.cli..", "dev.gradecheck.verify..",
                        "dev.gradecheck.server..", "dev.gradecheck.app..")
                .should().dependOnClassesThat().belongToAnyOf(Course.class, CourseBuild.class, Exercise.class)
                .check(GRADER);
    }

    /**
     * The cluster (module {@code cluster/}, the only user of Hazelcast) sits on top of the grader: nothing of the
     * grader imports it or Hazelcast, so a one-off grading, the grading server and the LMS kits never load either.
     */
    @Test
    void nothingOfTheGraderUsesTheClusterOrHazelcast() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.gradecheck.cluster..", "com.hazelcast..")
                .check(GRADER);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("dev.gradecheck.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(GRADER);
    }

    @Test
    void theChildRunnerDependsOnNothingOfTheGraderNorOnTheToolkit() {
        classes().that().resideInAPackage("dev.gradecheck.child..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(CHILD_LIBRARIES)
                .check(CHILD_AND_PROTOCOL);
    }

    /** Besides JSON-P, only the {@link API} status annotation (which the JUnit Platform brings into the child too). */
    @Test
    void theProtocolDependsOnJsonPAndTheJdkOnly() {
        classes().that().resideInAPackage("dev.gradecheck.protocol..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "jakarta.json..",
                        "org.eclipse.parsson..", "org.apiguardian.api..", "dev.gradecheck.protocol..")
                .check(CHILD_AND_PROTOCOL);
    }

    @Test
    void theGraderNeverCompilesAgainstTheChildRunner() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.gradecheck.child..")
                .check(GRADER);
    }

    @Test
    void theSandboxsPartsFormNoCycle() {
        slices().matching("dev.gradecheck.sandbox.(*)..").should().beFreeOfCycles()
                .check(GRADER);
    }

    @Test
    void theRestOfTheGraderUsesTheSandboxThroughItsTopPackageOnly() {
        noClasses().that().resideOutsideOfPackage("dev.gradecheck.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage(SANDBOX_PARTS)
                .check(GRADER);
    }

    /** Each package of the grader (the facade's root package too) is a slice of its own. */
    private static final SliceAssignment EVERY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals("dev.gradecheck") || name.startsWith("dev.gradecheck.")
                    ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "every package of dev.gradecheck";
        }
    };

    private static ClassesShouldConjunction touchTheStandardStreamsOrEndTheJvm(GivenClassesConjunction classes) {
        return classes.should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().accessField(System.class, "in")
                .orShould().callMethod(System.class, "setOut", java.io.PrintStream.class)
                .orShould().callMethod(System.class, "setErr", java.io.PrintStream.class)
                .orShould().callMethod(System.class, "setIn", java.io.InputStream.class)
                .orShould().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .orShould().callMethod(Throwable.class, "printStackTrace");
    }

    private static DescribedPredicate<JavaAnnotation<?>> status(API.Status status) {
        return DescribedPredicate.describe("@API(status = " + status + ")",
                annotation -> annotation.getRawType().isEquivalentTo(API.class)
                        && annotation.as(API.class).status() == status);
    }

    /** The folder (or jar) the grader's main classes were loaded from: importing only it keeps the import fast. */
    private static Path mainClasses() {
        return location(Grader.class);
    }

    /** Where {@code type} was loaded from, a class folder or a jar (the reactor's packaged artifact under verify). */
    private static Location codeSource(Class<?> type) {
        try {
            Path path = location(type);
            return Files.isDirectory(path) ? Location.of(path) : Location.of(new JarFile(path.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] others(String[] packages, String except) {
        return java.util.Arrays.stream(packages).filter(name -> !name.equals(except)).toArray(String[]::new);
    }

    /** The child runner's main class: on the grader's class path at run time only (the grader never imports it). */
    private static Class<?> runnerMain() {
        try {
            return Class.forName(Wire.RUNNER_MAIN, false, ArchitectureTests.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] withCli(String... packages) {
        String[] all = java.util.Arrays.copyOf(packages, packages.length + 1);
        all[packages.length] = "dev.gradecheck.cli..";
        return all;
    }
}
