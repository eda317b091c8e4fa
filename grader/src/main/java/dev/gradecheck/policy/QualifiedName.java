package dev.gradecheck.policy;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A type's name split into package and type, e.g. {@code java.util} and {@code Map.Entry}. Built from dotted names
 * ({@code java.util.Map.Entry}), binary names ({@code java.util.Map$Entry}) or internal names
 * ({@code java/util/Map$Entry}); the package is the leading run of segments that start with a lower-case letter, the
 * Java naming convention every JDK package follows.
 *
 * @param packageName e.g. {@code java.util}; empty for the unnamed package
 * @param typeName e.g. {@code Map.Entry}; empty when the name holds only package segments
 */
@API(status = API.Status.INTERNAL)
public record QualifiedName(String packageName, String typeName) {

    public QualifiedName {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(typeName, "typeName");
    }

    /** Splits a dotted, binary or internal name. */
    public static QualifiedName of(String name) {
        String dotted = name.replace('/', '.').replace('$', '.');
        if (dotted.isEmpty() || dotted.startsWith(".") || dotted.endsWith(".") || dotted.contains("..")) {
            return new QualifiedName("", dotted);
        }
        String[] segments = dotted.split("\\.");
        int typeStart = 0;
        while (typeStart < segments.length - 1 && !segments[typeStart].isEmpty()
                && Character.isLowerCase(segments[typeStart].charAt(0))) {
            typeStart++;
        }
        if (typeStart == segments.length - 1 && Character.isLowerCase(segments[typeStart].charAt(0))) {
            return new QualifiedName(dotted, "");
        }
        return new QualifiedName(String.join(".", java.util.Arrays.copyOfRange(segments, 0, typeStart)),
                String.join(".", java.util.Arrays.copyOfRange(segments, typeStart, segments.length)));
    }

    /** The dotted name, e.g. {@code java.util.Map.Entry}. */
    public String dotted() {
        if (packageName.isEmpty()) {
            return typeName;
        }
        return typeName.isEmpty() ? packageName : packageName + "." + typeName;
    }

    @Override
    public String toString() {
        return dotted();
    }
}
