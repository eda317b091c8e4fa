package dev.gradecheck.sandbox.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;

/** Tells which class path entries are modules (have a {@code module-info.class}). Thread-safe; answers are cached. */
final class ModuleDescriptors {

    private static final Map<Path, Boolean> KNOWN = new ConcurrentHashMap<>();

    private ModuleDescriptors() {
    }

    /** Whether the jar or class folder has a module descriptor at its root or as a multi-release entry. */
    static boolean isModule(Path entry) {
        return KNOWN.computeIfAbsent(entry.toAbsolutePath(), ModuleDescriptors::inspect);
    }

    private static boolean inspect(Path entry) {
        if (Files.isDirectory(entry)) {
            return Files.isRegularFile(entry.resolve(RunnerModule.DESCRIPTOR));
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            return jar.stream().map(e -> e.getName()).anyMatch(name -> name.equals(RunnerModule.DESCRIPTOR)
                    || name.startsWith("META-INF/versions/") && name.endsWith("/" + RunnerModule.DESCRIPTOR));
        } catch (IOException e) {
            return false;
        }
    }
}
