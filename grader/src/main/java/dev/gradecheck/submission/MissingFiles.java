package dev.gradecheck.submission;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Location;
import java.util.List;
import java.util.Optional;

/**
 * The {@code missing-file} finding for a declared file no submitted source declares, with a did-you-mean hint when a
 * submitted file comes close: the right class in the wrong package (or none), the right package with the class name
 * in another case or misspelt, or a file with the right name declaring something else.
 */
final class MissingFiles {

    private MissingFiles() {
    }

    /** The finding for {@code declaredPath}, looking for near misses among {@code otherSources}. */
    static Finding finding(String declaredPath, List<SourceFile> otherSources) {
        String className = StudentFileLocator.classNameOf(declaredPath);
        String packageName = className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : "";
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        String message = declaredPath + " not found: expected a file declaring `package " + packageName + ";` and `class "
                + simpleName + "` (any file name, anywhere in the submission)";
        Optional<NearMiss> nearMiss = nearMiss(packageName, simpleName, otherSources);
        String location = nearMiss.map(NearMiss::path).orElse(StudentFileLocator.CONVENTIONAL_ROOT + declaredPath);
        String hint = nearMiss.map(NearMiss::hint).orElse("Submit your " + simpleName + ".java, e.g. at "
                + StudentFileLocator.CONVENTIONAL_ROOT + declaredPath + ".");
        return Finding.zero("missing-file", Location.of(location), message, hint);
    }

    private record NearMiss(String path, String hint) {
    }

    private static Optional<NearMiss> nearMiss(String packageName, String simpleName, List<SourceFile> sources) {
        return wrongPackage(packageName, simpleName, sources)
                .or(() -> similarName(packageName, simpleName, sources))
                .or(() -> sameFileName(simpleName, sources));
    }

    private static Optional<NearMiss> wrongPackage(String packageName, String simpleName, List<SourceFile> sources) {
        for (SourceFile source : sources) {
            if (source.outline().typeNames().contains(simpleName)) {
                String declared = source.outline().packageName();
                String hint = declared.isEmpty()
                        ? source.path() + " declares class " + simpleName + " without a package line: add `package "
                                + packageName + ";` as its first line."
                        : source.path() + " declares class " + simpleName + " in package " + declared + ": change its"
                                + " package line to `package " + packageName + ";`.";
                return Optional.of(new NearMiss(source.path(), hint));
            }
        }
        return Optional.empty();
    }

    private static Optional<NearMiss> similarName(String packageName, String simpleName, List<SourceFile> sources) {
        for (SourceFile source : sources) {
            if (!source.outline().packageName().equals(packageName)) {
                continue;
            }
            Optional<String> similar = SimilarNames.closest(simpleName, source.outline().typeNames());
            if (similar.isPresent()) {
                String how = SimilarNames.differsOnlyInCase(simpleName, similar.get())
                        ? " (Java names are case-sensitive)" : "";
                return Optional.of(new NearMiss(source.path(), source.path() + " declares `" + similar.get()
                        + "`; did you mean `" + simpleName + "`? Rename the class (and the file) to " + simpleName + how
                        + "."));
            }
        }
        return Optional.empty();
    }

    private static Optional<NearMiss> sameFileName(String simpleName, List<SourceFile> sources) {
        for (SourceFile source : sources) {
            if (source.path().endsWith("/" + simpleName + ".java") || source.path().equals(simpleName + ".java")) {
                String declares = source.outline().typeNames().isEmpty() ? "no class at all"
                        : String.join(", ", source.outline().qualifiedTypeNames());
                return Optional.of(new NearMiss(source.path(), source.path() + " declares " + declares + ", not class "
                        + simpleName + "."));
            }
        }
        return Optional.empty();
    }
}
