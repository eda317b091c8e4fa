package dev.gradecheck.bytecode;

import java.util.Map;

/**
 * Maps a compiled class back to the student file it came from: by its own name, its outermost class's name, or its
 * {@code SourceFile} attribute within its package (a second top-level class of {@code Mlp.java}), else the package
 * path and the attribute.
 */
final class SourceFiles {

    private final Map<String, String> sourceFileByClass;

    /** @param sourceFileByClass class name ({@code backprop.mlp.Mlp}) to the file's path in the submission */
    SourceFiles(Map<String, String> sourceFileByClass) {
        this.sourceFileByClass = Map.copyOf(sourceFileByClass);
    }

    /** The submission path for a class by internal name, e.g. {@code backprop/mlp/Mlp$1} and {@code Mlp.java}. */
    String of(String internalName, String sourceFile) {
        String className = internalName.replace('/', '.');
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        String packagePrefix = className.contains(".") ? className.substring(0, className.lastIndexOf('.') + 1) : "";
        String fromAttribute = sourceFile.endsWith(".java")
                ? packagePrefix + sourceFile.substring(0, sourceFile.length() - ".java".length()) : "";
        for (String candidate : new String[] {className, outer, fromAttribute}) {
            String path = sourceFileByClass.get(candidate);
            if (path != null) {
                return path;
            }
        }
        String folder = packagePrefix.replace('.', '/');
        return sourceFile.isEmpty() ? outer.replace('.', '/') + ".java" : folder + sourceFile;
    }
}
