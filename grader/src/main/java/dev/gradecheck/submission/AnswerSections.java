package dev.gradecheck.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Cuts the sections of a written-answer file. A section starts at an ATX heading ({@code ## ...}) that quotes its
 * name in backticks ({@code ## Exercise 5 `vanishing-gradients`}) and ends before the next heading of the same or a
 * higher level; a {@code #} line inside a fenced code block ({@code ```} or {@code ~~~}) is code, not a heading, so a
 * Python comment in an answer does not end it. Its answer is what follows the line {@link #MARKER}, or the whole
 * section when the student removed that line. Pure functions, thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class AnswerSections {

    /** The line of the template after which the student writes. */
    public static final String MARKER = "<!-- Write your answer below this line. -->";

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t].*)?$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,}).*$");

    private AnswerSections() {
    }

    /**
     * A section of {@code markdown}: its heading line and its body.
     *
     * @param heading the heading line, stripped
     * @param body the lines after the heading up to the next heading of its level or higher, joined by line feeds
     */
    @API(status = API.Status.INTERNAL)
    public record Section(String heading, String body) {

        public Section {
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(body, "body");
        }

        /** The answer: the body after {@link #MARKER} if it has that line, else the whole body; stripped. */
        public String answer() {
            List<String> lines = body.lines().toList();
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).strip().equals(MARKER)) {
                    return String.join("\n", lines.subList(i + 1, lines.size())).strip();
                }
            }
            return body.strip();
        }

        /** The body without the marker line, its white space runs made single spaces: what "unchanged" compares. */
        public String normalized() {
            return body.lines().filter(line -> !line.strip().equals(MARKER)).reduce("", (a, b) -> a + " " + b)
                    .strip().replaceAll("\\s+", " ");
        }
    }

    /** The first section of {@code markdown} whose heading quotes {@code name} in backticks; empty if none. */
    public static Optional<Section> find(String markdown, String name) {
        List<String> lines = markdown.lines().toList();
        String quoted = "`" + name + "`";
        Fence fence = new Fence();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int level = fence.headingLevel(line);
            if (level > 0 && line.contains(quoted)) {
                return Optional.of(new Section(line.strip(), body(lines, i + 1, level)));
            }
        }
        return Optional.empty();
    }

    private static String body(List<String> lines, int from, int level) {
        List<String> body = new ArrayList<>();
        Fence fence = new Fence();
        for (int i = from; i < lines.size(); i++) {
            int other = fence.headingLevel(lines.get(i));
            if (other > 0 && other <= level) {
                break;
            }
            body.add(lines.get(i));
        }
        return String.join("\n", body);
    }

    /** Tracks fenced code blocks line by line. */
    private static final class Fence {

        private String open;

        /** The heading level of {@code line} (1..6), or 0 when it is no heading or inside a code block. */
        int headingLevel(String line) {
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                String run = fence.group(1);
                if (open == null) {
                    open = run;
                } else if (run.charAt(0) == open.charAt(0) && run.length() >= open.length()
                        && line.strip().equals(run)) {
                    open = null;
                }
                return 0;
            }
            if (open != null) {
                return 0;
            }
            Matcher heading = HEADING.matcher(line);
            return heading.matches() ? heading.group(1).length() : 0;
        }
    }
}
