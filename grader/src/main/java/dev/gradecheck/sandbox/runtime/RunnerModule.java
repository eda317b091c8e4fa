package dev.gradecheck.sandbox.runtime;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The child runner as a named module, {@value #NAME}, that opens nothing and exports only the protocol's package
 * ({@code dev.gradecheck.protocol}: stateless codecs and constants, no key), which the gradient toolkit beside the
 * course's classes calls.
 *
 * <p>Why: student code runs in the child's unnamed module, and the unnamed module may reflect into every other
 * unnamed module (all its packages are open), so a runner on the class path would let code that slipped past the
 * bytecode check reach the listener, the channel and its key with plain {@code setAccessible}. A package of a named
 * module that is not opened cannot be reflected into from outside it: {@code setAccessible} fails with
 * {@code InaccessibleObjectException}. The JUnit Platform, Jupiter, opentest4j and JSON-P jars are modules
 * themselves and go on the module path beside it, so their internals (which hold the runner's listener) are closed
 * the same way; the gradient toolkit and the course's classes stay in the unnamed module.
 *
 * <p>The descriptor is written here with ASM, when the runner jar is put together from the {@code gradecheck-child}
 * and {@code gradecheck-protocol} artifacts (plain jars, which the grader and the toolkit use on a class path).
 * Stateless.
 */
final class RunnerModule {

    /** The module's name. */
    static final String NAME = "dev.gradecheck.child";
    /** The descriptor's file name in the jar or folder. */
    static final String DESCRIPTOR = "module-info.class";

    /**
     * What the runner needs; {@code org.junit.jupiter.params} so that hidden tests can use parameterized tests (the
     * unnamed module reads every module that is resolved, and only modules that something requires are);
     * {@code java.management} to measure what an exercise left behind (direct buffers).
     */
    private static final List<String> REQUIRES = List.of("org.junit.platform.launcher", "org.junit.platform.engine",
            "org.junit.platform.commons", "org.junit.jupiter.api", "org.junit.jupiter.params", "org.junit.jupiter.engine",
            "jakarta.json", "org.eclipse.parsson", "java.management");

    /** Services the runner looks up in the boot layer only (never in the course's classes). */
    private static final List<String> USES = List.of("org/junit/platform/engine/TestEngine",
            "jakarta/json/spi/JsonProvider");

    private RunnerModule() {
    }

    /** The bytes of {@code module-info.class}. */
    static byte[] descriptor() {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_MODULE, "module-info", null, null, null);
        ModuleVisitor module = writer.visitModule(NAME, 0, null);
        module.visitRequire("java.base", Opcodes.ACC_MANDATED, null);
        REQUIRES.forEach(required -> module.visitRequire(required, 0, null));
        USES.forEach(module::visitUse);
        ChildClasspath.RUNNER_FOLDERS.forEach(folder -> module.visitPackage(folder.substring(0, folder.length() - 1)));
        module.visitExport(ChildClasspath.EXPORTED_FOLDER.substring(0, ChildClasspath.EXPORTED_FOLDER.length() - 1), 0);
        module.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * The JDK's modules a child has: {@code java.base}, {@code java.logging} and {@code java.management} (the JUnit
     * Platform requires the last two). Everything else does not exist in the child: {@code jdk.unsupported}
     * ({@code sun.misc.Unsafe}), {@code java.desktop} ({@code java.beans}), {@code java.xml} (XSLT extension
     * functions), {@code jdk.management} (heap dumps), {@code jdk.attach}, {@code java.compiler}, {@code jdk.jshell},
     * {@code java.scripting}, {@code jdk.jfr} and the rest. (Without the limit, service binding alone would resolve
     * most of them, {@code java.desktop} and {@code jdk.management} among them.)
     */
    static final List<String> JDK_MODULES = List.of("java.base", "java.logging", "java.management");

    /**
     * The JVM options that launch the runner from this module path, with the class path for the rest. With
     * {@code limitModules}, for a JDK that holds more than {@link #JDK_MODULES}, the JDK's modules are limited to
     * those (a class-data archive of the runner cannot be used then: the JVM refuses to dump one with the limit).
     */
    static List<String> launchOptions(String modulePath, String classPath, String mainClass, boolean limitModules) {
        List<String> options = new ArrayList<>(List.of("--module-path", modulePath));
        if (!classPath.isEmpty()) {
            options.addAll(List.of("--class-path", classPath));
        }
        if (limitModules) {
            options.addAll(List.of("--limit-modules", String.join(",", JDK_MODULES) + "," + NAME));
        }
        options.addAll(List.of("--module", NAME + "/" + mainClass));
        return List.copyOf(options);
    }
}
