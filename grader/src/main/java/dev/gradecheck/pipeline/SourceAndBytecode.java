package dev.gradecheck.pipeline;

import dev.gradecheck.api.Finding;
import dev.gradecheck.structure.StructureRule;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps one refused use from being reported twice: once by the source rule {@code forbidden-api} (with the student's
 * line and column) and once by the bytecode check. A bytecode finding is dropped when a source finding in the same file
 * names the same class or member, or names, on the same line, the class of the member the bytecode names (or the
 * other way round). What only the bytecode saw — a computed use, a use the source rule could not resolve — stays.
 */
final class SourceAndBytecode {

    /** The first qualified name in a message's "what": {@code java.lang.System.exit}, {@code java.lang.System::exit}. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][\\w$]*(?:(?:\\.|::|\\$)[\\w$<>]+)+");

    private SourceAndBytecode() {
    }

    /** The bytecode findings that no source finding of {@code forbidden-api} already reports. */
    static List<Finding> unreported(List<Finding> sourceFindings, List<Finding> bytecodeFindings) {
        List<Finding> source = sourceFindings.stream().filter(finding -> finding.rule().equals(StructureRule.FORBIDDEN_API)).toList();
        return bytecodeFindings.stream().filter(finding -> source.stream().noneMatch(seen -> covers(seen, finding)))
                .toList();
    }

    private static boolean covers(Finding source, Finding bytecode) {
        if (!source.location().file().equals(bytecode.location().file())) {
            return false;
        }
        Optional<String> seen = subject(source.message());
        Optional<String> found = subject(bytecode.message());
        if (seen.isEmpty() || found.isEmpty()) {
            return false;
        }
        if (seen.get().equals(found.get())) {
            return true;
        }
        boolean sameLine = source.location().line() == bytecode.location().line();
        return sameLine && (seen.get().startsWith(found.get() + ".") || found.get().startsWith(seen.get() + "."));
    }

    /**
     * The qualified name a message is about, with {@code ::} and {@code $} written as dots; for a message naming none
     * ({@code declares the native method fast}) its whole "what"; empty for a message of another form.
     */
    static Optional<String> subject(String message) {
        int dash = message.indexOf(" — ");
        if (dash < 0) {
            return Optional.empty();
        }
        String what = message.substring(0, dash);
        int colon = what.lastIndexOf(": ");
        String text = colon < 0 ? what : what.substring(colon + 2);
        Matcher matcher = NAME.matcher(text);
        return Optional.of(matcher.find() ? matcher.group().replace("::", ".").replace('$', '.') : text);
    }
}
