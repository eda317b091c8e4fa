package dev.gradecheck.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gradecheck.testing.GradescopeSpec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rolling window, decided from {@code submission_metadata.json} alone. Times below are hours after
 * 2025-01-01T00:00-08:00; the window is 24 hours unless said otherwise.
 */
class RateLimiterTests {

    private static final OffsetDateTime START = OffsetDateTime.parse("2025-01-01T00:00:00-08:00");
    private static final RateLimit THREE_A_DAY = new RateLimit(3, Duration.ofHours(24));

    @Test
    void gradesWhileFewerThanKGradedSubmissionsFillTheWindow() {
        RateLimitDecision decision = RateLimiter.decide(THREE_A_DAY, metadata(30, graded(10), graded(20)));
        assertEquals(new RateLimitDecision.Allowed(THREE_A_DAY, 2), decision);
    }

    @Test
    void stopsTheSubmissionAfterExactlyKAndResetsWhenTheOldestLeavesTheWindow() {
        RateLimitDecision.Limited limited = assertInstanceOf(RateLimitDecision.Limited.class,
                RateLimiter.decide(THREE_A_DAY, metadata(30, graded(10), graded(20), graded(29))));
        assertEquals(at(34), limited.resetsAt(), "10 h + 24 h");
        assertEquals(List.of(at(10), at(20), at(29)), limited.counted().stream()
                .map(PreviousSubmission::submittedAt).toList());
        assertEquals(29 * 10.0, limited.lastScore(), "the most recent score stays");
    }

    @Test
    void aSubmissionExactlyOneWindowOldNoLongerCounts() {
        assertInstanceOf(RateLimitDecision.Allowed.class,
                RateLimiter.decide(THREE_A_DAY, metadata(34, graded(10), graded(20), graded(29))));
        assertInstanceOf(RateLimitDecision.Limited.class,
                RateLimiter.decide(THREE_A_DAY, metadata(33.99, graded(10), graded(20), graded(29))));
    }

    @Test
    void runsThatEndedInAnAutograderErrorDoNotCount() {
        PreviousSubmission errored = new PreviousSubmission(at(25), Optional.empty(), "visible");
        RateLimitDecision decision = RateLimiter.decide(THREE_A_DAY, metadata(30, graded(10), errored, errored,
                graded(20), errored));
        assertEquals(new RateLimitDecision.Allowed(THREE_A_DAY, 2), decision);
    }

    @Test
    void submissionsTheLimitStoppedDoNotCount() {
        RateLimit twoADay = new RateLimit(2, Duration.ofHours(24));
        // 0 and 1 were graded, 2 was stopped (two in its window); at 24.5 only 1 is still in the window.
        assertEquals(new RateLimitDecision.Allowed(twoADay, 1),
                RateLimiter.decide(twoADay, metadata(24.5, graded(0), graded(1), graded(2))));
    }

    @Test
    void theOrderOfPreviousSubmissionsInTheFileDoesNotMatter() {
        List<PreviousSubmission> previous = new ArrayList<>(List.of(graded(0), graded(1), graded(2), graded(9),
                graded(23), graded(24.5), graded(30)));
        RateLimitDecision ordered = RateLimiter.decide(THREE_A_DAY, new SubmissionMetadata(at(31), previous));
        Random random = new Random(14);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(previous, random);
            assertEquals(ordered, RateLimiter.decide(THREE_A_DAY, new SubmissionMetadata(at(31), previous)));
        }
    }

    @Test
    void aRegradeDecidesTheSameEvenWhenLaterSubmissionsAreListed() throws Exception {
        SubmissionMetadata original = SubmissionMetadataReader.read(resource("over-the-limit.json"));
        List<PreviousSubmission> withLater = new ArrayList<>(original.previous());
        withLater.add(new PreviousSubmission(original.createdAt(), Optional.of(1.0), "visible"));
        withLater.add(new PreviousSubmission(original.createdAt().plusHours(2), Optional.of(2.0), "visible"));
        RateLimitDecision first = RateLimiter.decide(THREE_A_DAY, original);
        RateLimitDecision regrade = RateLimiter.decide(THREE_A_DAY,
                new SubmissionMetadata(original.createdAt(), withLater));
        assertEquals(first, regrade);
        assertEquals(RateLimitedResults.render((RateLimitDecision.Limited) first),
                RateLimitedResults.render((RateLimitDecision.Limited) regrade), "byte-identical results.json");
    }

    @Test
    void readsTheDocumentedFieldsAndSkipsErroredAndNotGradedRuns() throws Exception {
        SubmissionMetadata metadata = SubmissionMetadataReader.read(resource("over-the-limit.json"));
        assertEquals(OffsetDateTime.parse("2025-01-02T09:30-08:00"), metadata.createdAt());
        assertEquals(List.of(true, true, true, false, false, true),
                metadata.previous().stream().map(PreviousSubmission::graded).toList(),
                "score null / results null, and a gradecheck results.json that graded nothing, are not graded");
        assertEquals(new RateLimitDecision.Allowed(new RateLimit(4, Duration.ofHours(24)), 3),
                RateLimiter.decide(new RateLimit(4, Duration.ofHours(24)), metadata));
    }

    @Test
    void overTheLimitResultsShowTheLimitTheResetAndTheLastScoreButNoTests() throws Exception {
        RateLimitDecision.Limited limited = (RateLimitDecision.Limited) RateLimiter.decide(THREE_A_DAY,
                SubmissionMetadataReader.read(resource("over-the-limit.json")));
        JsonObject results = JsonParser.parseString(RateLimitedResults.render(limited)).getAsJsonObject();

        assertEquals(List.of(), GradescopeSpec.violations(results));
        assertEquals(20, results.get("score").getAsDouble());
        assertEquals(0, results.getAsJsonArray("tests").size());
        String output = results.get("output").getAsString();
        assertEquals("**Not graded: this course grades at most 3 graded submissions per 24 hours.** Your code in "
                + "this submission was not run.\n\nGraded submissions in the window before this one: 2025-01-01 "
                + "12:15, 2025-01-01 16:00, 2025-01-02 08:00 (UTC-08:00).\n\n**Your next submission is graded from "
                + "2025-01-02 12:16 (UTC-08:00).**\n\nYour score stays at your previous submission's (2025-01-02 "
                + "08:00): **20**. Its feedback is under that submission in your submission history.", output);
        assertEquals("2025-01-02T12:15:30.500-08:00", results.getAsJsonObject("extra_data")
                .getAsJsonObject("rate_limit").get("resets_at").getAsString());
    }

    @Test
    void aScoreThePreviousResultsHidStaysHidden() {
        PreviousSubmission hidden = new PreviousSubmission(at(29), Optional.of(17.0), "after_due_date");
        RateLimitDecision.Limited limited = (RateLimitDecision.Limited) RateLimiter.decide(THREE_A_DAY,
                metadata(30, graded(10), graded(20), hidden));
        JsonObject results = JsonParser.parseString(RateLimitedResults.render(limited)).getAsJsonObject();

        assertEquals(List.of(), GradescopeSpec.violations(results));
        assertFalse(results.get("output").getAsString().contains("17"), results.toString());
        JsonObject line = results.getAsJsonArray("tests").get(0).getAsJsonObject();
        assertEquals("after_due_date", line.get("visibility").getAsString(), "Gradescope keeps hiding the total");
        assertEquals(0, line.get("max_score").getAsDouble());
    }

    @Test
    void readsTheStrictestVisibilityOfThePreviousResults() throws Exception {
        SubmissionMetadata metadata = SubmissionMetadataReader.parse("inline", """
                {"created_at": "2025-01-02T00:00:00Z", "previous_submissions": [
                  {"submission_time": "2025-01-01T00:00:00Z", "score": 3, "results": {"score": 3, "tests": [
                    {"name": "a", "visibility": "after_due_date"}, {"name": "b", "visibility": "hidden"}]}},
                  {"submission_time": "2025-01-01T01:00:00Z", "score": 3, "results": {"score": 3,
                    "visibility": "after_published", "tests": []}},
                  {"submission_time": "2025-01-01T02:00:00Z", "score": 3, "results": {"score": 3, "tests": [
                    {"name": "a", "visibility": "visible"}]}}]}
                """);
        assertEquals(List.of("hidden", "after_published", "visible"), metadata.previous().stream()
                .map(PreviousSubmission::scoreVisibility).toList());
    }

    static Stream<Path> malformed() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(resource("malformed"))) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedMetadataIsReportedByFileAndField(Path file) {
        MetadataException problem = assertThrows(MetadataException.class, () -> SubmissionMetadataReader.read(file));
        assertTrue(problem.getMessage().startsWith(file + ": "), problem.getMessage());
        String name = file.getFileName().toString();
        String field = name.startsWith("created-at") ? "\"created_at\""
                : name.startsWith("previous-submissions") ? "\"previous_submissions\""
                : name.startsWith("submission-time") ? "previous_submissions[0].submission_time"
                : name.startsWith("entry") ? "previous_submissions[0] must be an object" : "JSON";
        assertTrue(problem.getMessage().contains(field), problem.getMessage());
    }

    @Test
    void aMissingMetadataFileIsReportedNotThrownAsIoError() {
        Path missing = Path.of("/nonexistent/submission_metadata.json");
        MetadataException problem = assertThrows(MetadataException.class,
                () -> SubmissionMetadataReader.read(missing));
        assertTrue(problem.getMessage().startsWith(missing + ": cannot be read"), problem.getMessage());
    }

    private static SubmissionMetadata metadata(double now, PreviousSubmission... previous) {
        return new SubmissionMetadata(at(now), List.of(previous));
    }

    /** A graded submission at {@code hours}, scoring ten times its hour (so the tests can tell which one stays). */
    private static PreviousSubmission graded(double hours) {
        return new PreviousSubmission(at(hours), Optional.of(hours * 10), "visible");
    }

    private static OffsetDateTime at(double hours) {
        return START.plus(Duration.ofMillis(Math.round(hours * 3_600_000)));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(RateLimiterTests.class.getResource("/ratelimit/" + name).toURI());
    }
}
