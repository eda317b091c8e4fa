package dev.gradecheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiPolicyTests {

    private static final ApiPolicy STANDARD = ApiPolicy.standard();

    @ParameterizedTest
    @CsvSource({
        "java.beans.Expression, getValue", "java.beans.Statement, execute", "java.beans.EventHandler, create",
        "javax.xml.transform.TransformerFactory, newInstance", "java.util.concurrent.SubmissionPublisher, submit",
        "sun.misc.Unsafe, getUnsafe", "java.lang.invoke.MethodHandles, lookup",
        "java.lang.invoke.MethodHandles$Lookup, findVirtual", "java.lang.Class, forName", "java.lang.Class, getDeclaredFields",
        "java.lang.Class, getClassLoader", "java.lang.Thread, start", "java.lang.Runtime, getRuntime",
        "java.lang.ProcessHandle, current", "java.lang.ClassLoader, loadClass", "java.lang.StackWalker, getInstance",
        "java.lang.ThreadLocal, get", "java.lang.System, exit", "java.lang.System, getProperty", "java.lang.System, getenv",
        "java.lang.System, in", "java.lang.System, setOut", "java.util.ServiceLoader, load", "java.util.Timer, schedule",
        "java.util.ResourceBundle, getBundle", "java.util.stream.Stream, parallel", "java.util.stream.IntStream, parallel",
        "java.util.ArrayList, parallelStream", "java.util.Arrays, parallelSort", "java.util.stream.StreamSupport, stream",
        "java.lang.Object, wait", "java.util.List, notify", "java.util.Locale, setDefault", "java.lang.Integer, getInteger",
        "java.util.Formatter, <init>", "java.io.PrintStream, <init>", "java.io.PrintStream, close",
        "java.util.prefs.Preferences, userRoot", "javax.script.ScriptEngineManager, <init>", "java.net.URLClassLoader, <init>",
        "java.util.logging.Logger, getLogger", "java.util.concurrent.ForkJoinPool, commonPool",
        "java.util.concurrent.atomic.AtomicIntegerFieldUpdater, newUpdater", "java.lang.reflect.Method, invoke",
        "java.lang.invoke.LambdaMetafactory, metafactory", "java.nio.file.Files, readAllLines", "java.io.File, <init>",
        "java.lang.ref.Cleaner, create", "java.lang.ScopedValue, where", "org.junit.jupiter.api.Assertions, fail",
        "dev.gradecheck.sandbox.child.Runner, main", "jdk.internal.misc.Unsafe, getUnsafe"})
    void refusesWhatNoEntryAdmits(String owner, String member) {
        assertFalse(STANDARD.allowsMember(owner, member), owner + "#" + member);
    }

    @ParameterizedTest
    @CsvSource({
        "java.lang.Math, exp", "java.lang.StrictMath, tanh", "java.lang.String, format", "java.lang.StringBuilder, append",
        "java.lang.Integer, parseInt", "java.lang.Double, isNaN", "java.lang.Object, getClass", "java.lang.Object, <init>",
        "java.lang.System, out", "java.lang.System, arraycopy", "java.lang.System, nanoTime", "java.lang.Class, getName",
        "java.lang.Class, desiredAssertionStatus", "java.lang.Enum, valueOf", "java.lang.Record, <init>",
        "java.lang.Throwable, addSuppressed", "java.lang.IllegalArgumentException, <init>", "java.lang.Iterable, forEach",
        "java.util.ArrayList, stream", "java.util.Map$Entry, getKey", "java.util.Arrays, copyOf", "java.util.Objects, requireNonNull",
        "java.util.Random, nextGaussian", "java.util.stream.Stream, map", "java.util.stream.Collectors, toList",
        "java.util.function.DoubleUnaryOperator, applyAsDouble", "java.math.BigDecimal, add", "java.io.PrintStream, println",
        "java.util.random.RandomGenerator, nextDouble", "java.util.Formatter, format", "java.lang.MatchException, <init>"})
    void admitsTheSafeCore(String owner, String member) {
        assertTrue(STANDARD.allowsMember(owner, member), owner + "#" + member);
    }

    @Test
    void letsATypeBeNamedWhenOnlySomeOfItsMembersAreAllowed() {
        assertTrue(STANDARD.allowsType("java.lang.System"));
        assertTrue(STANDARD.allowsType("java/lang/Class"));
        assertFalse(STANDARD.allowsType("java.lang.Thread"));
        assertFalse(STANDARD.allowsType("java.util.ServiceLoader"));
        assertFalse(STANDARD.allowsType("java.util.concurrent.Callable"));
    }

    @Test
    void packageEntriesCoverTheirTypesNotTheirSubPackages() {
        assertTrue(STANDARD.allowsType("java.util.TreeMap"));
        assertFalse(STANDARD.allowsType("java.util.jar.JarFile"));
        assertFalse(STANDARD.allowsType("java.util.zip.ZipFile"));
    }

    @Test
    void aWideningAdmitsEvenWhatTheStandardListCarvesOut() {
        ApiPolicy widened = STANDARD.widenedBy(List.of(ApiPattern.parse("java.util.concurrent.*"),
                ApiPattern.parse("java.nio.file.Files#readAllLines"), ApiPattern.parse("java.util.Timer")));

        assertTrue(widened.allowsMember("java.util.concurrent.ConcurrentHashMap", "put"));
        assertTrue(widened.allowsMember("java.nio.file.Files", "readAllLines"));
        assertFalse(widened.allowsMember("java.nio.file.Files", "write"));
        assertTrue(widened.allowsMember("java.util.Timer", "schedule"));
        assertFalse(widened.allowsMember("java.util.concurrent.atomic.AtomicIntegerFieldUpdater", "newUpdater"));
        assertFalse(STANDARD.allowsMember("java.util.concurrent.ConcurrentHashMap", "put"), "the standard list is unchanged");
    }

    @Test
    void admitsTheCoursesOwnTypesAndTheirNestedTypes() {
        ApiPolicy course = STANDARD.withCourseTypes(List.of("backprop/linalg/Matrix", "backprop.mlp.Mlp"));

        assertTrue(course.allowsMember("backprop.linalg.Matrix", "multiply"));
        assertTrue(course.allowsType("backprop/mlp/Mlp$Cache"));
        assertFalse(course.allowsType("backprop.linalg.MatrixHelper"));
        assertFalse(course.allowsType("backprop.linalg"));
    }

    @Test
    void noCourseTypeCanStandForTheJdk() {
        ApiPolicy course = STANDARD.withCourseTypes(List.of("java", "java/lang/Thread", "sun/misc/Unsafe", "backprop"));

        assertFalse(course.allowsMember("java.lang.Thread", "start"));
        assertFalse(course.allowsType("sun.misc.Unsafe"));
        assertFalse(course.allowsType("backprop.linalg.Matrix"), "a course type covers its nested types, not a package");
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.util.concurrent", "java.nio.file.Files#", "*#wait", "Files", "java.util.*.*", "java..Foo",
        "java.util.Map#a.b", ""})
    void rejectsEntriesWrittenInNoKnownForm(String entry) {
        IllegalArgumentException problem = assertThrows(IllegalArgumentException.class, () -> ApiPattern.parse(entry));
        assertEquals("an allow-list entry must be written as " + ApiPattern.FORMS + ", was \"" + entry + "\"",
                problem.getMessage());
    }

    @Test
    void readsTheStandardListFromItsDataFile() {
        assertTrue(STANDARD.allowedEntries().stream().anyMatch(entry -> entry.text().equals("java.util.*")));
        assertTrue(STANDARD.carvedOutEntries().stream().anyMatch(entry -> entry.text().equals("java.util.ServiceLoader")));
    }
}
