package dev.gradecheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a course opens when it allows an API family, and what it can never open. */
class ApiFamilyPolicyTests {

    private static final ApiPolicy STANDARD = ApiPolicy.standard();

    @Test
    void allowingIoAdmitsReadingFilesButNoNetworkNorProcesses() {
        ApiPolicy io = STANDARD.withFamilies(List.of(ForbiddenApi.IO));

        assertTrue(io.allowsMember("java.nio.file.Files", "readAllLines"));
        assertTrue(io.allowsMember("java.io.BufferedReader", "readLine"));
        assertTrue(io.allowsMember("java.io.FileWriter", "<init>"));
        assertFalse(STANDARD.allowsMember("java.nio.file.Files", "readAllLines"), "the standard list is unchanged");
        assertFalse(io.allowsType("java.net.Socket"));
        assertFalse(io.allowsType("java.lang.ProcessBuilder"));
        assertFalse(io.allowsMember("java.io.PrintStream", "close"), "System.out stays open");
        assertTrue(io.opens(ForbiddenApi.IO));
        assertFalse(io.opens(ForbiddenApi.THREADS));
    }

    @Test
    void allowingThreadsAdmitsThreadsAndExecutorsButNotAThreadsClassLoader() {
        ApiPolicy threads = STANDARD.withFamilies(List.of(ForbiddenApi.THREADS));

        assertTrue(threads.allowsMember("java.lang.Thread", "start"));
        assertTrue(threads.allowsMember("java.util.concurrent.Executors", "newFixedThreadPool"));
        assertTrue(threads.allowsMember("java.util.List", "parallelStream"));
        assertTrue(threads.allowsMember("java.lang.Object", "wait"));
        assertFalse(threads.allowsMember("java.lang.Thread", "getContextClassLoader"));
        assertFalse(threads.allowsMember("java.lang.Thread", "setDefaultUncaughtExceptionHandler"));
        assertFalse(threads.allowsType("java.lang.ClassLoader"));
    }

    @Test
    void noEntryAFamilyOpensAdmitsAnythingOfAClosedFamily() {
        for (ApiFamily family : ForbiddenApi.OPENABLE) {
            assertFalse(ApiPolicy.familyEntries(family).isEmpty(), family.id());
            for (ApiPattern entry : ApiPolicy.familyEntries(family)) {
                assertEquals(Set.of(), ForbiddenApi.standard().closedFamiliesAdmittedBy(entry), entry.text());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reflection", "class-loading", "exit", "process", "system", "native", "internal",
            "test-framework"})
    void aClosedFamilyCannotBeOpened(String id) {
        ApiFamily family = ForbiddenApi.family(id).orElseThrow();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> STANDARD.withFamilies(List.of(family)));

        assertTrue(refused.getMessage().startsWith("the API family \"" + id + "\" stays closed"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.lang.*", "java.lang.reflect.*", "java.lang.invoke.MethodHandles", "sun.misc.Unsafe",
            "jdk.internal.misc.*", "java.lang.Runtime", "java.lang.ProcessBuilder", "java.lang.System#*",
            "java.lang.System#exit", "java.lang.Class#getDeclared*", "java.lang.Class#forName", "java.util.*",
            "java.lang.ClassLoader#defineClass", "org.junit.jupiter.api.Assertions", "dev.gradecheck.toolkit.*"})
    void aWideningThatWouldOpenAClosedFamilyIsRefused(String text) {
        ApiPattern entry = ApiPattern.parse(text);

        assertFalse(ForbiddenApi.standard().closedFamiliesAdmittedBy(entry).isEmpty(), text);
        assertThrows(IllegalArgumentException.class, () -> STANDARD.widenedBy(List.of(entry)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.util.concurrent.*", "java.nio.file.Files#readAllLines", "java.util.Timer",
            "java.util.logging.*", "java.lang.System#getProperty", "java.lang.Thread#start"})
    void aWideningWithinTheOpenableFamiliesIsAccepted(String text) {
        assertEquals(Set.of(), ForbiddenApi.standard().closedFamiliesAdmittedBy(ApiPattern.parse(text)), text);
    }
}
