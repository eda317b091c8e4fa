package dev.gradecheck.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Named families of APIs graded code may not use, and which packages, types and members belong to them: the words of
 * the messages. What is allowed is decided by the allow-list {@link ApiPolicy}; a refused use
 * that belongs to a family here gets the family's description and hint, any other refused use
 * {@link #NOT_ALLOWED}'s. One table for the source rule {@code forbidden-api} and the bytecode scan, so both word
 * alike.
 *
 * <p>Names are fully qualified with dots; nested types may use {@code .} or {@code $}. A type belongs to a family
 * when it, an enclosing type or its package is listed. Some families are forbidden only member by member: of
 * {@code java.lang.System}, {@code exit} and {@code setOut} are, {@code out} and {@code nanoTime} are not; of
 * {@code java.lang.Class}, reflective lookups are, {@code getName} and {@code desiredAssertionStatus} (emitted by
 * javac for {@code assert}) are not. Immutable and thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class ForbiddenApi {

    public static final ApiFamily REFLECTION = new ApiFamily("reflection",
            "reflection and method handles are not allowed in graded code",
            "Call your classes and methods directly: reflection can bypass the grader's checks.");
    public static final ApiFamily CLASS_LOADING = new ApiFamily("class-loading",
            "loading, compiling or defining classes at run time is not allowed in graded code",
            "Use only the course's classes and the Java standard library; never load code at run time.");
    public static final ApiFamily EXIT = new ApiFamily("exit",
            "exiting or controlling the JVM is not allowed in graded code",
            "Signal a problem by throwing an exception (for example IllegalArgumentException), never by stopping the JVM.");
    public static final ApiFamily PROCESS = new ApiFamily("process",
            "starting processes is not allowed in graded code",
            "Compute the result in Java: graded code may not run other programs.");
    public static final ApiFamily THREADS = new ApiFamily("threads",
            "threads, executors and parallel streams are not allowed in graded code",
            "Compute sequentially: the hidden tests expect deterministic, single-threaded code.");
    public static final ApiFamily IO = new ApiFamily("io",
            "file and network I/O is not allowed in graded code",
            "Work only with the values passed to your methods; to debug, print with System.out.");
    public static final ApiFamily SYSTEM = new ApiFamily("system",
            "changing the JVM's global state (System.setOut/setErr/setIn, system properties, environment) is not"
                    + " allowed in graded code",
            "Leave System's streams, properties and environment alone; return values instead.");
    public static final ApiFamily NATIVE = new ApiFamily("native",
            "native code is not allowed in graded code",
            "Implement the method in Java.");
    public static final ApiFamily INTERNAL = new ApiFamily("internal",
            "JDK-internal APIs (sun.*, com.sun.*, jdk.*) are not allowed in graded code",
            "Use only the public Java SE API (java.lang, java.util, java.util.function, java.util.stream, java.math).");
    public static final ApiFamily TEST_FRAMEWORK = new ApiFamily("test-framework",
            "test-framework and grader classes (org.junit, org.opentest4j, dev.gradecheck) are not available to graded"
                    + " code",
            "Keep your own tests under src/test/java; graded files must not use JUnit or the grader.");

    /** Everything the allow-list refuses that no named family covers. */
    public static final ApiFamily NOT_ALLOWED = new ApiFamily("not-allowed",
            "not among the APIs this exercise allows",
            "Use only the Java core library the exercise statement lists (java.lang, java.util, java.util.function,"
                    + " sequential java.util.stream, java.math); if you need something else, ask your instructor.");

    /** Every named family, in a fixed order (not {@link #NOT_ALLOWED}). */
    public static final List<ApiFamily> FAMILIES = List.of(REFLECTION, CLASS_LOADING, EXIT, PROCESS, THREADS, IO, SYSTEM,
            NATIVE, INTERNAL, TEST_FRAMEWORK);

    /**
     * The families a course or an exercise may allow ({@code "apiFamilies"}): file I/O and threads. Every other family
     * stays closed whatever a course says, because the sandbox relies on it: reflection, class loading, exiting,
     * processes, JVM-global state, native code, JDK internals and the test framework (see docs/security.md).
     */
    public static final List<ApiFamily> OPENABLE = List.of(IO, THREADS);

    private static final ForbiddenApi STANDARD = new ForbiddenApi();

    /** A listed name: exact, or a prefix when written with a trailing {@code *}. */
    private record Pattern(String text) {

        boolean matches(String name) {
            return text.endsWith("*") ? name.startsWith(text.substring(0, text.length() - 1)) : name.equals(text);
        }
    }

    private record PackageRule(String packageName, ApiFamily family) {
    }

    private record TypeRule(Pattern type, ApiFamily family) {
    }

    private record MemberRule(Pattern owner, Pattern member, ApiFamily family) {
    }

    private final List<PackageRule> packages = new ArrayList<>();
    private final List<TypeRule> types = new ArrayList<>();
    private final List<MemberRule> members = new ArrayList<>();
    private final List<MemberRule> methodNames = new ArrayList<>();

    private ForbiddenApi() {
        listPackages();
        listTypes();
        listMembers();
        listMethodNames();
    }

    /** The course's table. */
    public static ForbiddenApi standard() {
        return STANDARD;
    }

    /** The named family with this id ({@code "io"}, {@code "threads"}, ...), if any. */
    public static Optional<ApiFamily> family(String id) {
        return FAMILIES.stream().filter(family -> family.id().equals(id)).findFirst();
    }

    /** True for a family a course may allow ({@link #OPENABLE}). */
    public static boolean isOpenable(ApiFamily family) {
        return OPENABLE.contains(family);
    }

    /**
     * The closed families (not {@link #OPENABLE}) some of whose packages, types or members {@code entry} would admit,
     * e.g. {@link #EXIT} and {@link #PROCESS} for {@code java.lang.*} or {@code java.lang.Runtime}; empty for an entry
     * that admits nothing a closed family names.
     */
    public Set<ApiFamily> closedFamiliesAdmittedBy(ApiPattern entry) {
        Set<ApiFamily> found = new LinkedHashSet<>(familiesAdmittedBy(entry));
        found.removeAll(OPENABLE);
        return found;
    }

    /** Member rules first (the most specific words), then method names, then whole packages and types. */
    private Set<ApiFamily> familiesAdmittedBy(ApiPattern entry) {
        Set<ApiFamily> found = new LinkedHashSet<>();
        String owner = entry.typeName().isEmpty() ? entry.packageName() : entry.packageName() + "." + entry.typeName();
        members.stream().filter(rule -> ownerOverlaps(rule.owner(), entry, owner) && memberOverlaps(rule.member(), entry))
                .forEach(rule -> found.add(rule.family()));
        if (entry.isMemberPattern()) {
            methodNames.stream().filter(rule -> memberOverlaps(rule.member(), entry)).forEach(rule -> found.add(rule.family()));
        }
        forPackage(entry.packageName()).ifPresent(found::add);
        if (entry.typeName().isEmpty()) {
            types.stream().filter(rule -> packageOf(rule.type().text()).equals(entry.packageName()))
                    .filter(rule -> !entry.isMemberPattern() || mayHaveMember(rule.type().text(), entry))
                    .forEach(rule -> found.add(rule.family()));
        } else {
            forType(owner).ifPresent(found::add);
            types.stream().filter(rule -> rule.type().text().startsWith(owner + ".")).forEach(rule -> found.add(rule.family()));
        }
        return found;
    }

    /**
     * Whether the JDK type {@code listed} has a public member the member pattern names (so {@code java.util.*#stream}
     * reaches {@code ServiceLoader.stream}, {@code java.util.*#parallelStream} reaches nothing of it); true when the
     * type cannot be looked up ({@code java.io.File*}).
     */
    private static boolean mayHaveMember(String listed, ApiPattern entry) {
        if (listed.endsWith("*")) {
            return true;
        }
        try {
            Class<?> type = Class.forName(listed, false, ClassLoader.getPlatformClassLoader());
            List<String> names = new ArrayList<>();
            java.util.Arrays.stream(type.getMethods()).forEach(method -> names.add(method.getName()));
            java.util.Arrays.stream(type.getFields()).forEach(field -> names.add(field.getName()));
            if (type.getConstructors().length > 0) {
                names.add("<init>");
            }
            return names.stream().anyMatch(name -> entry.memberPrefix() ? name.startsWith(entry.member())
                    : name.equals(entry.member()));
        } catch (ClassNotFoundException | LinkageError e) {
            return true;
        }
    }

    private static boolean ownerOverlaps(Pattern ruleOwner, ApiPattern entry, String owner) {
        if (entry.typeName().isEmpty()) {
            return packageOf(ruleOwner.text()).equals(entry.packageName());
        }
        return ruleOwner.matches(owner);
    }

    private static boolean memberOverlaps(Pattern ruleMember, ApiPattern entry) {
        if (!entry.isMemberPattern()) {
            return true;
        }
        String rule = ruleMember.text();
        boolean rulePrefix = rule.endsWith("*");
        String ruleName = rulePrefix ? rule.substring(0, rule.length() - 1) : rule;
        if (entry.memberPrefix()) {
            return ruleName.startsWith(entry.member()) || rulePrefix && entry.member().startsWith(ruleName);
        }
        return rulePrefix ? entry.member().startsWith(ruleName) : entry.member().equals(ruleName);
    }

    /** The package of a listed name: {@code java.io} for {@code java.io.File*} or {@code java.util.*}. */
    private static String packageOf(String listed) {
        String name = listed.endsWith("*") ? listed.substring(0, listed.length() - 1) : listed;
        int dot = name.lastIndexOf('.');
        String candidate = dot < 0 ? "" : name.substring(0, dot);
        while (!candidate.isEmpty() && Character.isUpperCase(candidate.charAt(candidate.lastIndexOf('.') + 1))) {
            candidate = enclosing(candidate);
        }
        return candidate;
    }

    private void listPackages() {
        packages(REFLECTION, "java.lang.reflect", "java.lang.invoke");
        packages(CLASS_LOADING, "javax.tools", "javax.script", "java.lang.instrument");
        packages(IO, "java.nio.file", "java.nio.channels", "java.net", "java.rmi", "javax.naming", "javax.net",
                "java.sql", "javax.sql", "java.util.prefs");
        packages(SYSTEM, "java.lang.management", "javax.management");
        packages(INTERNAL, "sun", "com.sun", "jdk");
        packages(TEST_FRAMEWORK, "org.junit", "junit", "org.opentest4j", "org.apiguardian", "dev.gradecheck");
    }

    private void listTypes() {
        types(REFLECTION, "java.lang.Module", "java.lang.ModuleLayer", "java.beans.Expression", "java.beans.Statement",
                "java.beans.EventHandler");
        types(CLASS_LOADING, "java.lang.ClassLoader", "java.security.SecureClassLoader", "java.lang.Compiler",
                "java.util.ServiceLoader");
        types(EXIT, "java.lang.Runtime", "java.lang.Shutdown");
        types(PROCESS, "java.lang.Process", "java.lang.ProcessBuilder", "java.lang.ProcessHandle");
        types(THREADS, "java.lang.Thread", "java.lang.ThreadGroup", "java.lang.VirtualThread", "java.lang.ref.Cleaner",
                "java.util.Timer", "java.util.TimerTask", "java.util.concurrent.Executor", "java.util.concurrent.Executors",
                "java.util.concurrent.ExecutorService", "java.util.concurrent.ScheduledExecutorService",
                "java.util.concurrent.AbstractExecutorService", "java.util.concurrent.ThreadPoolExecutor",
                "java.util.concurrent.ScheduledThreadPoolExecutor", "java.util.concurrent.ForkJoinPool",
                "java.util.concurrent.ForkJoinTask", "java.util.concurrent.ForkJoinWorkerThread",
                "java.util.concurrent.RecursiveTask", "java.util.concurrent.RecursiveAction",
                "java.util.concurrent.CountedCompleter", "java.util.concurrent.CompletableFuture",
                "java.util.concurrent.ThreadFactory", "java.util.concurrent.FutureTask",
                "java.util.concurrent.CompletionService", "java.util.concurrent.ExecutorCompletionService",
                "java.util.concurrent.SubmissionPublisher");
        types(IO, "java.io.File*", "java.io.RandomAccessFile", "java.util.logging.FileHandler", "java.util.zip.ZipFile",
                "java.util.jar.JarFile");
        types(SYSTEM, "java.lang.SecurityManager");
    }

    private void listMembers() {
        members(EXIT, "java.lang.System", "exit");
        members(THREADS, "java.lang.Object", "wait", "notify", "notifyAll");
        members(EXIT, "java.lang.Runtime", "exit", "halt", "addShutdownHook", "removeShutdownHook");
        members(PROCESS, "java.lang.Runtime", "exec");
        members(NATIVE, "java.lang.System", "load", "loadLibrary", "mapLibraryName");
        members(NATIVE, "java.lang.Runtime", "load", "loadLibrary");
        members(SYSTEM, "java.lang.System", "setOut", "setErr", "setIn", "setProperty", "setProperties",
                "clearProperty", "getenv", "setSecurityManager", "console", "inheritedChannel", "runFinalization");
        members(REFLECTION, "java.lang.Class", "forName", "getDeclared*", "getMethod", "getMethods", "getField",
                "getFields", "getConstructor", "getConstructors", "newInstance", "getEnclosingMethod",
                "getEnclosingConstructor", "getRecordComponents", "getModule", "getNestHost", "getNestMembers",
                "getPermittedSubclasses", "getProtectionDomain");
        members(CLASS_LOADING, "java.lang.Class", "getClassLoader");
        members(IO, "java.lang.Class", "getResource", "getResourceAsStream");
        members(THREADS, "java.util.*", "parallelStream");
        members(THREADS, "java.util.stream.*", "parallel");
        members(THREADS, "java.util.Arrays", "parallel*");
    }

    private void listMethodNames() {
        methodNames(REFLECTION, "setAccessible", "trySetAccessible", "getDeclaredMethod", "getDeclaredMethods",
                "getDeclaredField", "getDeclaredFields", "getDeclaredConstructor", "getDeclaredConstructors",
                "getDeclaredClasses");
        methodNames(CLASS_LOADING, "defineClass", "getSystemClassLoader", "getPlatformClassLoader", "getClassLoader");
        methodNames(THREADS, "parallelStream");
    }

    private void packages(ApiFamily family, String... names) {
        for (String name : names) {
            packages.add(new PackageRule(name, family));
        }
    }

    private void types(ApiFamily family, String... names) {
        for (String name : names) {
            types.add(new TypeRule(new Pattern(name), family));
        }
    }

    private void members(ApiFamily family, String owner, String... names) {
        for (String name : names) {
            members.add(new MemberRule(new Pattern(owner), new Pattern(name), family));
        }
    }

    private void methodNames(ApiFamily family, String... names) {
        for (String name : names) {
            methodNames.add(new MemberRule(new Pattern("*"), new Pattern(name), family));
        }
    }

    /**
     * The family forbidding any use of a type or package, e.g. {@code java.lang.Thread}, {@code java.io.File},
     * {@code java.lang.ProcessBuilder$Redirect} or {@code java.nio.file}.
     */
    public Optional<ApiFamily> forType(String qualifiedName) {
        String name = qualifiedName.replace('$', '.');
        for (String candidate = name; !candidate.isEmpty(); candidate = enclosing(candidate)) {
            Optional<ApiFamily> listed = listedType(candidate);
            if (listed.isPresent()) {
                return listed;
            }
        }
        return forPackage(name);
    }

    /** The family forbidding a whole package (or a package below it), e.g. {@code java.nio.file}. */
    public Optional<ApiFamily> forPackage(String packageName) {
        return packages.stream()
                .filter(rule -> packageName.equals(rule.packageName()) || packageName.startsWith(rule.packageName() + "."))
                .map(PackageRule::family).findFirst();
    }

    /**
     * The family forbidding one member of a type, e.g. {@code java.lang.System} and {@code exit}; only member rules
     * (combine with {@link #forType} for members of forbidden types).
     */
    public Optional<ApiFamily> forMember(String ownerQualifiedName, String memberName) {
        String owner = ownerQualifiedName.replace('$', '.');
        return members.stream().filter(rule -> rule.owner().matches(owner) && rule.member().matches(memberName))
                .map(MemberRule::family).findFirst();
    }

    /**
     * The family forbidding a constructor call by its parameter types (qualified names): the {@code PrintStream},
     * {@code PrintWriter} and {@code Formatter} constructors taking a file name open files.
     */
    public Optional<ApiFamily> forConstructor(String ownerQualifiedName, List<String> parameterTypes) {
        boolean opensFile = List.of("java.io.PrintStream", "java.io.PrintWriter", "java.util.Formatter")
                .contains(ownerQualifiedName.replace('$', '.'));
        return opensFile && !parameterTypes.isEmpty() && parameterTypes.get(0).equals("java.lang.String")
                ? Optional.of(IO) : Optional.empty();
    }

    /**
     * The family of a method whose name alone gives it away, whatever its receiver (used when a source's receiver
     * type is unknown), e.g. {@code setAccessible} or {@code parallelStream}.
     */
    public Optional<ApiFamily> forMethodName(String methodName) {
        return methodNames.stream().filter(rule -> rule.member().matches(methodName)).map(MemberRule::family).findFirst();
    }

    /** The family that words a refused use of the type {@code qualifiedName}: its own, else {@link #NOT_ALLOWED}. */
    public ApiFamily familyOfType(String qualifiedName) {
        return forType(qualifiedName).orElse(NOT_ALLOWED);
    }

    /**
     * The family that words a refused use of a member: the member's own, a file-opening constructor's, its type's,
     * else {@link #NOT_ALLOWED}.
     *
     * @param parameterTypes qualified parameter types of a constructor ({@code <init>}); may be empty when unknown
     */
    public ApiFamily familyOfMember(String ownerQualifiedName, String memberName, List<String> parameterTypes) {
        return forMember(ownerQualifiedName, memberName)
                .or(() -> memberName.equals("<init>") ? forConstructor(ownerQualifiedName, parameterTypes) : Optional.empty())
                .or(() -> forType(ownerQualifiedName))
                .orElse(NOT_ALLOWED);
    }

    /** True when the table says anything about {@code qualifiedType} or its members (used to resolve simple names). */
    public boolean governs(String qualifiedType) {
        String name = qualifiedType.replace('$', '.');
        return forType(name).isPresent()
                || members.stream().anyMatch(rule -> !rule.owner().text().endsWith("*") && rule.owner().matches(name));
    }

    /**
     * The family of a string that names a forbidden class or package, e.g. {@code "java.lang.Runtime"} or
     * {@code "java/lang/reflect/Method"} — a hint of reflection by name. Other strings give nothing.
     */
    public Optional<ApiFamily> forNamedClass(String text) {
        String name = text.strip().replace('/', '.');
        if (!name.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+") || !Character.isLowerCase(name.charAt(0))) {
            return Optional.empty();
        }
        return forType(name);
    }

    private Optional<ApiFamily> listedType(String name) {
        return types.stream().filter(rule -> rule.type().matches(name) && !name.substring(prefixLength(rule)).contains("."))
                .map(TypeRule::family).findFirst();
    }

    private static int prefixLength(TypeRule rule) {
        String text = rule.type().text();
        return text.endsWith("*") ? text.length() - 1 : text.length();
    }

    /** {@code a.b.C.D} to {@code a.b.C}; a name without a dot to the empty string. */
    private static String enclosing(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }
}
