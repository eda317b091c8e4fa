package dev.gradecheck.child;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * The class loader of the course's classes (provided code, the student's classes, the hidden tests), apart from the
 * runner's own class path. JUnit runs with it as the context class loader.
 *
 * <p>It shows no configuration: {@code META-INF/services/...} entries and {@code junit-platform.properties} in the
 * course folders do not exist as far as anyone asking this loader can tell, so nothing there can register an engine,
 * extension, listener, class-path scanner or the like, whatever JUnit looks up through the context class loader.
 *
 * <p>Its parent is the runner's loader seen through a filter that hides this package and the grader's sandbox (course
 * code cannot even name the runner) and JDK Flight Recorder (so JUnit does not spend a second of start-up on recording events nobody
 * reads). Course code shares the JUnit, opentest4j and toolkit classes with the engine, as it must (annotations and
 * assertion types have to be the same classes). Delegation is parent-first: a course class that repeats a JUnit class
 * name, such as {@code org.junit.jupiter.api.Assertions}, never replaces the real one.
 */
final class CourseClassLoader extends URLClassLoader {

    /** Name of the loader; stack frames of course classes carry it (see {@link StackTraceElement#getClassLoaderName()}). */
    static final String NAME = "course";

    static {
        registerAsParallelCapable();
    }

    private CourseClassLoader(URL[] urls, ClassLoader parent) {
        super(NAME, urls, parent);
    }

    /** A loader over the given class folders (or jars). */
    static CourseClassLoader create(List<Path> classpath) {
        URL[] urls = classpath.stream().map(CourseClassLoader::url).toArray(URL[]::new);
        return new CourseClassLoader(urls, new RunnerFilter(CourseClassLoader.class.getClassLoader()));
    }

    /**
     * A loader of these classes (binary name to class file bytes), held in memory, with the same parent as a course
     * loader's; for a {@link Rehearsal}. It has no resources.
     */
    static ClassLoader inMemory(Map<String, byte[]> classes) {
        return new MemoryLoader(classes, new RunnerFilter(CourseClassLoader.class.getClassLoader()));
    }

    @Override
    public URL findResource(String name) {
        return isConfiguration(name) ? null : super.findResource(name);
    }

    @Override
    public Enumeration<URL> findResources(String name) throws IOException {
        return isConfiguration(name) ? Collections.emptyEnumeration() : super.findResources(name);
    }

    private static boolean isConfiguration(String name) {
        String resource = name.startsWith("/") ? name.substring(1) : name;
        return resource.startsWith("META-INF/services/") || resource.equals("junit-platform.properties");
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException("not a usable class path entry: " + path, e);
        }
    }

    /** Defines classes from bytes in memory. */
    private static final class MemoryLoader extends ClassLoader {

        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> classes;

        MemoryLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super("rehearsal", parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    /** Delegates to the runner's loader, except for the packages it pretends not to know. */
    private static final class RunnerFilter extends ClassLoader {

        private static final List<String> HIDDEN_PACKAGES = List.of("dev.gradecheck.child.", "dev.gradecheck.sandbox.",
                "jdk.jfr.");
        private static final List<String> HIDDEN_FOLDERS = List.of("dev/gradecheck/child/", "dev/gradecheck/sandbox/");

        static {
            registerAsParallelCapable();
        }

        RunnerFilter(ClassLoader runnerLoader) {
            super("runner-filter", runnerLoader);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (HIDDEN_PACKAGES.stream().anyMatch(name::startsWith)) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            return hidden(name) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return hidden(name) ? Collections.emptyEnumeration() : super.getResources(name);
        }

        private static boolean hidden(String resource) {
            return HIDDEN_FOLDERS.stream().anyMatch(resource::startsWith);
        }
    }
}
