package dev.gradecheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gradecheck.api.CapturedOutput;
import dev.gradecheck.api.Diagnosis;
import dev.gradecheck.api.ExerciseReport;
import dev.gradecheck.api.ExerciseStatus;
import dev.gradecheck.api.Figure;
import dev.gradecheck.api.Finding;
import dev.gradecheck.api.GradeReport;
import dev.gradecheck.api.GradedFile;
import dev.gradecheck.api.IgnoredPath;
import dev.gradecheck.api.Integrity;
import dev.gradecheck.api.IntegrityEvent;
import dev.gradecheck.api.Location;
import dev.gradecheck.api.ManualItemReport;
import dev.gradecheck.api.Provenance;
import dev.gradecheck.api.Severity;
import dev.gradecheck.api.SourceExcerpt;
import dev.gradecheck.api.TestId;
import dev.gradecheck.api.TestReport;
import dev.gradecheck.api.TestStatus;
import dev.gradecheck.api.Visibility;
import dev.gradecheck.api.WrittenAnswer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import dev.gradecheck.testing.SampleReports;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code report.json} read back is the report it was written from: written again, it is the same text. */
class JsonReportReaderTests {

    private final JsonReportWriter writer = new JsonReportWriter();

    static Stream<GradeReport> reports() {
        return Stream.of(SampleReports.twoExercises(), SampleReports.hostile(), SampleReports.flagged(),
                SampleReports.withHiddenParts(), SampleReports.zeroedAndDeducted(), SampleReports.withHugeOutput(3, 500),
                SampleReports.refused(), everything());
    }

    /** Every optional part the format has: figures (threshold, missing value), an excerpt, integrity, a commit. */
    private static GradeReport everything() {
        GradeReport sample = SampleReports.twoExercises();
        Figure figure = new Figure("Norms", Figure.Kind.LINE, Figure.Scale.LOG, "norm", List.of(
                new Figure.Series("yours", false, List.of(new Figure.Point("layer 1", 2.5e-7),
                        new Figure.Point("layer 2", Double.NaN))),
                new Figure.Series("reference", true, List.of(new Figure.Point("layer 1", 1e-3)))),
                OptionalDouble.of(1e-5), "bar");
        TestReport test = new TestReport(TestId.parse("a.b.CTests#d"), 0.25, 1, TestStatus.TIMEOUT, "slow",
                new CapturedOutput("out", 7), List.of(new Diagnosis("some-code", "why", Map.of("n", "3", "a", "1.5"))),
                Duration.ofMillis(1234), Visibility.AFTER_DUE_DATE, List.of(figure));
        Finding finding = new Finding("rule", Severity.WARN, 0, new Location("src/A.java", 4, 2), "msg", "hint")
                .withExcerpt(new SourceExcerpt(3, 4, List.of("a", "b", "c")));
        ExerciseReport exercise = new ExerciseReport("x", "X", 0.25, 6, 5, ExerciseStatus.GRADED, "", List.of(test),
                List.of(finding), List.of(new ManualItemReport("why", "Why", 5, Optional.of(new WrittenAnswer(
                "ANSWERS.md", "x", "sub/answers.md", WrittenAnswer.Status.PRESENT, "text", 3)))), Visibility.HIDDEN);
        Provenance given = sample.provenance();
        Provenance provenance = new Provenance(given.submission(), Optional.of("a".repeat(40)), List.of(
                new GradedFile("A.java", "b".repeat(64))), given.graderVersion(), given.suiteHash(), given.isolation(),
                given.startedAt(), Duration.ofMillis(99));
        return new GradeReport(0.25, 6, 5, List.of(exercise), List.of(new IgnoredPath("x.class", "class file")),
                provenance, new Integrity(List.of(new IntegrityEvent(IntegrityEvent.Kind.BAD_SIGNATURE,
                Optional.of(test.id()), "d", 2))));
    }

    @ParameterizedTest
    @MethodSource("reports")
    void aReportReadBackIsWrittenAsTheSameText(GradeReport report) {
        String text = writer.render(report);
        GradeReport read = JsonReportReader.read(text);
        assertEquals(text, writer.render(read));
        assertEquals(new FeedbackPageWriter().render(report), new FeedbackPageWriter().render(read));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{\"format_version\": 99}", "{\"format_version\": 1}", "{\"format_version\": 1,"})
    void whatIsNoReportIsRefusedSayingSo(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> JsonReportReader.read(text));
        assertTrue(refused.getMessage().contains("report.json"), refused.getMessage());
    }
}
