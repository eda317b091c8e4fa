package dev.gradecheck.cluster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The cluster module: only its {@code hazelcast} package uses Hazelcast, the queue's contract and the worker's loop
 * know nothing of it nor of the grader, the wiring to the grader ({@code grading}) knows the queue's interface only,
 * nothing but the command line prints or ends the JVM, every public type says what it is.
 */
class ClusterArchitectureTests {

    private static final JavaClasses CLUSTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(mainClasses());

    /** The module's own classes (importing the class path would read all of Hazelcast's jar too). */
    private static java.nio.file.Path mainClasses() {
        try {
            return java.nio.file.Path.of(Job.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyTheHazelcastPackageUsesHazelcast() {
        noClasses().that().resideOutsideOfPackage("dev.gradecheck.cluster.hazelcast..")
                .should().dependOnClassesThat().resideInAPackage("com.hazelcast..")
                .check(CLUSTER);
    }

    @Test
    void theContractDependsNotOnItsHazelcastImplementation() {
        noClasses().that().resideInAPackage("dev.gradecheck.cluster")
                .should().dependOnClassesThat().resideInAPackage("dev.gradecheck.cluster.hazelcast..")
                .check(CLUSTER);
    }

    @Test
    void theClusterCoreUsesTheJdkHazelcastAndItselfOnly() {
        classes().that().resideInAnyPackage("dev.gradecheck.cluster", "dev.gradecheck.cluster.hazelcast")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..",
                        "com.hazelcast..", "org.apiguardian.api..", "dev.gradecheck.cluster", "dev.gradecheck.cluster.hazelcast")
                .check(CLUSTER);
    }

    /** The wiring to the grader grades through the queue's interface; only the command line starts a member. */
    @Test
    void theGradingWiringKnowsTheQueueButNotHazelcastNorTheCommandLine() {
        noClasses().that().resideInAPackage("dev.gradecheck.cluster.grading..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.gradecheck.cluster.hazelcast..",
                        "dev.gradecheck.cluster.cli..", "com.hazelcast..", "picocli..")
                .check(CLUSTER);
    }

    @Test
    void nothingButTheCommandLinePrintsOrEndsTheJvm() {
        noClasses().that().resideOutsideOfPackage("dev.gradecheck.cluster.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .check(CLUSTER);
    }

    @Test
    void everyPublicTypeSaysWhetherItIsApiOrPlumbing() {
        classes().that().arePublic().and().areTopLevelClasses()
                .should().beAnnotatedWith(API.class)
                .check(CLUSTER);
    }
}
