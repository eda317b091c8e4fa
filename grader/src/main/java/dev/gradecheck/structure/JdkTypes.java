package dev.gradecheck.structure;

import dev.gradecheck.policy.QualifiedName;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a name is a type of the running JDK, e.g. {@code java.util.prefs.Preferences} or {@code java.util.Map.Entry}:
 * the JDK's class files are looked up through the platform class loader without loading them. Lets the source rule
 * judge a name it cannot see compiled. Thread-safe.
 */
final class JdkTypes {

    private static final Map<String, Boolean> KNOWN = new ConcurrentHashMap<>();

    private JdkTypes() {
    }

    /** True when {@code dottedName} (nested types joined by dots or {@code $}) names a class of the JDK. */
    static boolean exists(String dottedName) {
        return KNOWN.computeIfAbsent(dottedName, JdkTypes::lookUp);
    }

    private static boolean lookUp(String dottedName) {
        QualifiedName name = QualifiedName.of(dottedName);
        if (name.packageName().isEmpty() || name.typeName().isEmpty()) {
            return false;
        }
        String file = name.packageName().replace('.', '/') + "/" + name.typeName().replace('.', '$') + ".class";
        return ClassLoader.getPlatformClassLoader().getResource(file) != null;
    }
}
