package dev.gradecheck.pipeline;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Location;
import dev.gradecheck.api.WrittenAnswer;
import dev.gradecheck.api.WrittenAnswer.Status;
import dev.gradecheck.course.AnswerSection;
import dev.gradecheck.course.Course;
import dev.gradecheck.course.CourseException;
import dev.gradecheck.course.CourseLayout;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.course.ManualItem;
import dev.gradecheck.scoring.Points;
import dev.gradecheck.submission.AnswerFile;
import dev.gradecheck.submission.AnswerSections;
import dev.gradecheck.submission.LocatedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The written answers of one exercise's manual items ({@code ANSWERS.md}), as the submission holds them: each one's
 * text and status for the report, and a warning for each that is not there to grade — the file or its section
 * missing, empty, unchanged from the template's (compared up to white space), not read (a link, a folder), cut to
 * {@link #MAX_CHARS}, or not UTF-8. A warning costs no points and blocks no test: a person grades the answer.
 * Immutable and thread-safe; the template's sections are read once, when the pipeline is made.
 */
final class WrittenAnswers {

    /** The most characters of one answer the report carries. */
    static final int MAX_CHARS = 20_000;

    private final Map<AnswerSection, AnswerSections.Section> template;

    private WrittenAnswers(Map<AnswerSection, AnswerSections.Section> template) {
        this.template = template;
    }

    /**
     * The written answers of {@code course}, with the template's sections to compare against.
     *
     * @throws CourseException if the template's answer file cannot be read or lacks a section a manual item names
     */
    static WrittenAnswers of(Course course) throws CourseException {
        return of(course.layout(), course.exercises());
    }

    /** The written answers of these exercises of the course at {@code layout}; see {@link #of(Course)}. */
    static WrittenAnswers of(CourseLayout layout, List<Exercise> exercises) throws CourseException {
        Map<AnswerSection, AnswerSections.Section> sections = new HashMap<>();
        for (Exercise exercise : exercises) {
            for (int i = 0; i < exercise.manual().size(); i++) {
                Optional<AnswerSection> answer = exercise.manual().get(i).answer();
                if (answer.isPresent() && !sections.containsKey(answer.get())) {
                    sections.put(answer.get(), templateSection(layout, exercise, i, answer.get()));
                }
            }
        }
        return new WrittenAnswers(sections);
    }

    /** The answers of {@code exercise}'s manual items, by item id, and the warnings about them. */
    Checked check(Exercise exercise, LocatedFiles located) {
        Map<String, WrittenAnswer> answers = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (ManualItem item : exercise.manual()) {
            item.answer().ifPresent(where -> answers.put(item.id(), answer(item, where, located.answer(where.file()),
                    findings)));
        }
        return new Checked(answers, findings);
    }

    /**
     * What {@link #check} found for one exercise.
     *
     * @param answers manual item id to its answer, for the items that name an answer file, in manifest order
     * @param findings the warnings, in manifest order
     */
    record Checked(Map<String, WrittenAnswer> answers, List<Finding> findings) {

        Checked {
            answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
            findings = List.copyOf(findings);
        }
    }

    private WrittenAnswer answer(ManualItem item, AnswerSection where, AnswerFile file, List<Finding> findings) {
        String what = "the written answer `" + item.id() + "` (" + Points.format(item.points()) + " points, graded by"
                + " hand)";
        String writeHere = "Write your answer below the line `" + AnswerSections.MARKER + "` in the section headed `"
                + where.section() + "`.";
        if (file instanceof AnswerFile.Read read) {
            return fromText(item, where, read, what, writeHere, findings);
        }
        if (file instanceof AnswerFile.NotRead notRead) {
            findings.add(warning(notRead.path(), notRead.path() + " " + notRead.reason() + ", so " + what
                    + " was not read", notRead.hint()));
            return empty(where, notRead.path(), Status.UNREADABLE);
        }
        findings.add(warning(where.file(), where.file() + " is missing, so " + what + " has nothing to grade",
                "Copy " + where.file() + " from the template into your project's top folder. " + writeHere));
        return empty(where, "", Status.MISSING_FILE);
    }

    private WrittenAnswer fromText(ManualItem item, AnswerSection where, AnswerFile.Read read, String what,
                                   String writeHere, List<Finding> findings) {
        if (read.invalidUtf8()) {
            findings.add(warning(read.path(), read.path() + " is not valid UTF-8: the bytes that are not were replaced"
                    + " by \uFFFD", "Save the file as UTF-8."));
        }
        Optional<AnswerSections.Section> found = AnswerSections.find(read.text(), where.section());
        if (found.isEmpty()) {
            String cutNote = read.unreadBytes() > 0 ? " (only its first " + AnswerFile.Read.MAX_BYTES / 1024
                    + " KB were read)" : "";
            findings.add(warning(read.path(), read.path() + " has no section headed `" + where.section() + "`"
                    + cutNote + ", so " + what + " has nothing to grade", "Keep the template's heading \""
                    + template.get(where).heading() + "\". " + writeHere));
            return empty(where, read.path(), Status.MISSING_SECTION);
        }
        AnswerSections.Section section = found.get();
        Status status = section.normalized().isEmpty() ? Status.EMPTY
                : section.normalized().equals(template.get(where).normalized()) ? Status.UNCHANGED : Status.PRESENT;
        if (status != Status.PRESENT) {
            findings.add(warning(read.path(), read.path() + ": the section `" + where.section() + "` is "
                    + (status == Status.EMPTY ? "empty" : "unchanged from the template") + ", so " + what
                    + " has nothing to grade", writeHere + " (Headings of your own: ### or smaller.)"));
            return empty(where, read.path(), status);
        }
        // Written above the marker line instead of below it: the whole section is the answer.
        String answer = section.answer().isEmpty() ? section.body().strip() : section.answer();
        return present(item, where, read, answer, findings);
    }

    private static WrittenAnswer present(ManualItem item, AnswerSection where, AnswerFile.Read read, String answer,
                                         List<Finding> findings) {
        String kept = answer;
        long cut = 0;
        if (answer.length() > MAX_CHARS) {
            int end = Character.isHighSurrogate(answer.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
            kept = answer.substring(0, end);
            cut = answer.length() - end;
        }
        boolean fileCut = read.unreadBytes() > 0 && read.text().stripTrailing().endsWith(answer);
        if (fileCut) {
            cut = Math.max(1, cut + read.unreadBytes());
        }
        if (cut > 0) {
            findings.add(warning(read.path(), read.path() + ": the answer `" + item.id() + "` is longer than the report"
                    + " carries (" + MAX_CHARS + " characters of the answer, " + AnswerFile.Read.MAX_BYTES / 1024
                    + " KB of the file); it was cut", "Keep to the length the exercise asks for."));
        }
        return new WrittenAnswer(where.file(), where.section(), read.path(), Status.PRESENT, kept, cut);
    }

    private static WrittenAnswer empty(AnswerSection where, String path, Status status) {
        return new WrittenAnswer(where.file(), where.section(), path, status, "", 0);
    }

    private static Finding warning(String file, String message, String hint) {
        return Finding.warn(WrittenAnswer.FINDING_RULE, Location.of(file), message, hint);
    }

    private static AnswerSections.Section templateSection(CourseLayout layout, Exercise exercise, int index,
                                                          AnswerSection answer) throws CourseException {
        Path file = layout.template().resolve(answer.file());
        String where = layout.relative(exercise.folder().resolve("exercise.json")) + ": \"manual[" + index
                + "].answer\": ";
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CourseException(where + "cannot read student-template/" + answer.file() + ": " + e.getMessage()
                    + " — it must be a UTF-8 text file", e);
        }
        return AnswerSections.find(text, answer.section()).orElseThrow(() -> new CourseException(where
                + "student-template/" + answer.file() + " has no heading that quotes `" + answer.section() + "` in"
                + " backticks — add a section like \"## Exercise `" + answer.section() + "`\" with the line `"
                + AnswerSections.MARKER + "`, or fix \"section\""));
    }
}
