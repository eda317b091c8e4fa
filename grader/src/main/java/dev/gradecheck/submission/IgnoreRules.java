package dev.gradecheck.submission;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Why a file of a submission is not used. Reasons are short sentences a student reads in the report. */
final class IgnoreRules {

    static final String SYMBOLIC_LINK = "symbolic link: not followed";
    static final String META_INF = "META-INF: service registrations and manifests in a submission are never used";
    static final String JUNIT_CONFIGURATION = "JUnit configuration: the grader uses its own";
    static final String COMPILED = "compiled code: the grader compiles your sources itself";
    static final String BUILD_FILE = "build file: the grader builds your sources itself";
    static final String TEST_SOURCE = "test source: the grader runs its own hidden tests";
    static final String OTHER_JAVA = "Java source that is not a student file of any exercise";
    static final String RESOURCE = "resource: not used by the grader";
    static final String OTHER_FILE = "not a Java source: not used by the grader";

    private static final Set<String> BUILD_FILES = Set.of("pom.xml", "build.gradle", "build.gradle.kts",
            "settings.gradle", "settings.gradle.kts", "gradle.properties", "gradlew", "gradlew.bat", "mvnw", "mvnw.cmd",
            "build.xml", "module-info.java");
    private static final Set<String> BUILD_FOLDERS = Set.of(".mvn", ".gradle", "gradle");

    private IgnoreRules() {
    }

    /** The reason to ignore {@code path} without reading it, if its name or place alone decide. */
    static Optional<String> byPath(String path, boolean symbolicLink) {
        List<String> segments = List.of(path.split("/"));
        String name = segments.get(segments.size() - 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (symbolicLink) {
            return Optional.of(SYMBOLIC_LINK);
        }
        if (segments.contains("META-INF")) {
            return Optional.of(META_INF);
        }
        if (name.equals("junit-platform.properties")) {
            return Optional.of(JUNIT_CONFIGURATION);
        }
        if (lower.endsWith(".class") || lower.endsWith(".jar")) {
            return Optional.of(COMPILED);
        }
        if (BUILD_FILES.contains(name) || segments.stream().limit(segments.size() - 1L).anyMatch(BUILD_FOLDERS::contains)) {
            return Optional.of(BUILD_FILE);
        }
        if (!lower.endsWith(".java")) {
            return Optional.of(isResource(path) ? RESOURCE : OTHER_FILE);
        }
        return Optional.empty();
    }

    /** The reason to ignore a {@code .java} file that declares no student class. */
    static String forJava(String path, SourceOutline outline, Set<String> providedTypes) {
        for (String type : outline.qualifiedTypeNames()) {
            if (providedTypes.contains(type)) {
                return "provided class: the instructor's copy of " + type.replace('.', '/') + ".java is used";
            }
        }
        return isTest(path, outline) ? TEST_SOURCE : OTHER_JAVA;
    }

    private static boolean isTest(String path, SourceOutline outline) {
        if (("/" + path).contains("/src/test/")) {
            return true;
        }
        return outline.typeNames().stream().anyMatch(type -> type.endsWith("Test") || type.endsWith("Tests")
                || type.endsWith("TestCase") || type.endsWith("IT"));
    }

    private static boolean isResource(String path) {
        String slashed = "/" + path;
        return slashed.contains("/src/main/resources/") || slashed.contains("/src/test/resources/")
                || slashed.contains("/resources/");
    }
}
