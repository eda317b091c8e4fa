package dev.gradecheck.compile;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Turns javac's error diagnostics into {@code compile} findings: located in the file as submitted, javac's first
 * message line (plus the symbol it could not find), a hint, sorted by location and capped.
 */
final class CompileFindings {

    static final String RULE = "compile";
    static final int MAX_FINDINGS = 20;

    private CompileFindings() {
    }

    /** Findings for the errors among {@code diagnostics}; {@code fallbackFile} locates errors without a source. */
    static List<Finding> of(List<Diagnostic<? extends JavaFileObject>> diagnostics, String fallbackFile,
                            Map<String, String> courseHints) {
        List<Finding> findings = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                findings.add(finding(diagnostic, fallbackFile, courseHints));
            }
        }
        findings.sort(Comparator.comparing((Finding finding) -> finding.location().file())
                .thenComparingInt(finding -> finding.location().line())
                .thenComparingInt(finding -> finding.location().column())
                .thenComparing(Finding::message));
        return capped(findings);
    }

    /** A single finding for a compilation that could not run to its end. */
    static Finding failure(String file, String message, String hint) {
        return Finding.zero(RULE, Location.of(file), message, hint);
    }

    private static Finding finding(Diagnostic<? extends JavaFileObject> diagnostic, String fallbackFile,
                                   Map<String, String> courseHints) {
        String file = diagnostic.getSource() instanceof StudentFileObject student ? student.submissionPath() : fallbackFile;
        Location location = new Location(file, positive(diagnostic.getLineNumber()), positive(diagnostic.getColumnNumber()));
        return Finding.zero(RULE, location, message(diagnostic), CompileHints.forCode(diagnostic.getCode(), courseHints));
    }

    private static int positive(long position) {
        return position > 0 && position <= Integer.MAX_VALUE ? (int) position : 0;
    }

    /** javac's first line; for "cannot find symbol" also the symbol, which javac puts on a later line. */
    private static String message(Diagnostic<? extends JavaFileObject> diagnostic) {
        List<String> lines = diagnostic.getMessage(Locale.ENGLISH).strip().lines().toList();
        String first = lines.isEmpty() ? "error" : lines.get(0);
        String symbol = lines.stream().map(String::strip).filter(line -> line.startsWith("symbol:"))
                .map(line -> line.substring("symbol:".length()).strip()).findFirst().orElse("");
        return symbol.isEmpty() ? first : first + ": " + symbol;
    }

    private static List<Finding> capped(List<Finding> findings) {
        if (findings.size() <= MAX_FINDINGS) {
            return findings;
        }
        List<Finding> kept = new ArrayList<>(findings.subList(0, MAX_FINDINGS));
        int more = findings.size() - MAX_FINDINGS;
        kept.add(Finding.zero(RULE, Location.of(findings.get(MAX_FINDINGS).location().file()),
                "and " + more + " more compile error" + (more == 1 ? "" : "s") + " not shown",
                "Fix the first errors and compile again: later errors are often caused by earlier ones."));
        return kept;
    }
}
