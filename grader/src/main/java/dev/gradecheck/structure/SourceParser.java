package dev.gradecheck.structure;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import java.util.Optional;

/**
 * Parses Java 17 sources with a configured {@link JavaParser} (never the global static parser). Never throws for what
 * a source holds: syntax errors and a parser that runs out of stack both come back as {@link Unparsable}. Not
 * thread-safe; use one per thread. Run it on a thread with a large stack: the parser recurses once per nesting level.
 */
final class SourceParser {

    /** What parsing gave. */
    sealed interface Outcome permits Parsed, Unparsable {
    }

    /** A syntax tree. */
    record Parsed(CompilationUnit unit) implements Outcome {
    }

    /**
     * No syntax tree.
     *
     * @param reason what went wrong, e.g. {@code Parse error. Found "}", expected ";"}
     * @param line 1-based line of the problem, 0 when unknown
     * @param column 1-based column of the problem, 0 when unknown
     * @param syntaxError true for a plain syntax error (javac reports it too), false when the parser gave up
     */
    record Unparsable(String reason, int line, int column, boolean syntaxError) implements Outcome {
    }

    private final JavaParser parser;

    SourceParser() {
        ParserConfiguration configuration = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                .setAttributeComments(false);
        this.parser = new JavaParser(configuration);
    }

    /** Parses {@code text}. */
    Outcome parse(String text) {
        try {
            ParseResult<CompilationUnit> result = parser.parse(text);
            if (result.isSuccessful() && result.getResult().isPresent()) {
                return new Parsed(result.getResult().get());
            }
            return result.getProblems().stream().findFirst().map(SourceParser::unparsable)
                    .orElse(new Unparsable("the parser gave no syntax tree", 0, 0, true));
        } catch (StackOverflowError e) {
            return new Unparsable("the code is nested too deeply for the parser", 0, 0, false);
        } catch (RuntimeException e) {
            return new Unparsable("the parser failed: " + e, 0, 0, false);
        }
    }

    private static Unparsable unparsable(Problem problem) {
        Optional<Position> begin = problem.getLocation().flatMap(TokenRange::toRange).map(range -> range.begin);
        // JavaParser lists every token it would have accepted; the student needs only what it found.
        String message = problem.getMessage().lines().findFirst().orElse("syntax error")
                .replaceAll(", expected one of .*", "");
        return new Unparsable(message, begin.map(position -> position.line).orElse(0),
                begin.map(position -> position.column).orElse(0), true);
    }
}
