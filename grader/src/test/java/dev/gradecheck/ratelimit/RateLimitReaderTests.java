package dev.gradecheck.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gradecheck.course.CourseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code course.json}'s {@code "rate_limit"}: optional, tolerant of the file's other fields, strict inside. */
class RateLimitReaderTests {

    @TempDir
    Path course;

    @Test
    void noCourseJsonOrNoRateLimitMeansNoLimit() throws Exception {
        assertEquals(Optional.empty(), RateLimitReader.read(course));
        Files.writeString(course.resolve("course.json"), "{\"title\": \"Backprop\", \"rate_limit\": null}");
        assertEquals(Optional.empty(), RateLimitReader.read(course));
    }

    @Test
    void readsTheLimitBesideOtherSettings() throws Exception {
        Files.writeString(course.resolve("course.json"), """
                {"title": "Backprop", "exercises": {"order": ["chain-rule"]},
                 "rate_limit": {"submissions": 3, "window_hours": 1.5}}
                """);
        assertEquals(Optional.of(new RateLimit(3, Duration.ofMinutes(90))), RateLimitReader.read(course));
    }

    @Test
    void theWindowDefaultsTo24Hours() throws Exception {
        Files.writeString(course.resolve("course.json"), "{\"rate_limit\": {\"submissions\": 5}}");
        assertEquals(Optional.of(new RateLimit(5, Duration.ofHours(24))), RateLimitReader.read(course));
        assertEquals("5 graded submissions per 24 hours", RateLimitReader.read(course).orElseThrow().describe());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"rate_limit\": {\"submissions\": 0}}|\"rate_limit.submissions\" must be a whole number 1..1000000, was 0",
            "{\"rate_limit\": {\"submissions\": 2.5}}|\"rate_limit.submissions\" must be a whole number 1..1000000, was 2.5",
            "{\"rate_limit\": {\"submissions\": \"3\"}}|\"rate_limit.submissions\" must be a number, was \"3\"",
            "{\"rate_limit\": {}}|\"rate_limit.submissions\" must be a number, was missing",
            "{\"rate_limit\": {\"submissions\": 3, \"window_hours\": 0}}|\"rate_limit.window_hours\" must be 1/60..8784 hours, was 0",
            "{\"rate_limit\": {\"submissions\": 3, \"window\": 24}}|\"rate_limit\" has an unknown field \"window\" — it takes \"submissions\" and \"window_hours\"",
            "{\"rate_limit\": 3}|\"rate_limit\" must be an object like {\"submissions\": 3, \"window_hours\": 24}, was 3",
            "[1]|must hold a JSON object, was [1]"})
    void anInvalidLimitNamesTheFileTheFieldAndTheValue(String json, String message) throws Exception {
        Path file = Files.writeString(course.resolve("course.json"), json);
        CourseException problem = assertThrows(CourseException.class, () -> RateLimitReader.read(course));
        assertEquals(file + ": " + message, problem.getMessage());
    }
}
