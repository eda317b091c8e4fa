package dev.gradecheck.ratelimit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.gradecheck.course.CourseException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Reads a course's optional rate limit from {@code course.json} beside {@code exercises/}:
 * <pre>{"rate_limit": {"submissions": 3, "window_hours": 24}}</pre>
 * {@code window_hours} may be fractional (at least one minute) and defaults to 24. Every other field of
 * {@code course.json} is someone else's and is ignored here; inside {@code rate_limit} an unknown field is an error,
 * so a misspelt setting never silently means "no limit".
 */
@API(status = API.Status.INTERNAL)
public final class RateLimitReader {

    /** The course-level settings file, at the course root. */
    public static final String FILE = "course.json";

    /** The field this reader owns. */
    public static final String FIELD = "rate_limit";

    private static final Set<String> KEYS = Set.of("submissions", "window_hours");

    private RateLimitReader() {
    }

    /**
     * The limit {@code courseRoot/course.json} sets; empty when the file or its {@code rate_limit} is absent, or
     * {@code rate_limit} is {@code null}.
     *
     * @throws CourseException naming the file, the field and the bad value, when the file is not JSON or the limit
     *     is invalid
     */
    public static Optional<RateLimit> read(Path courseRoot) throws CourseException {
        Path file = courseRoot.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonElement section = root(file).get(FIELD);
        if (section == null || section.isJsonNull()) {
            return Optional.empty();
        }
        if (!section.isJsonObject()) {
            throw problem(file, "\"" + FIELD + "\" must be an object like {\"submissions\": 3, \"window_hours\": 24}"
                    + ", was " + section);
        }
        return Optional.of(limit(file, section.getAsJsonObject()));
    }

    private static JsonObject root(Path file) throws CourseException {
        try {
            JsonElement tree = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!tree.isJsonObject()) {
                throw problem(file, "must hold a JSON object, was " + tree);
            }
            return tree.getAsJsonObject();
        } catch (IOException | JsonParseException e) {
            throw new CourseException(file + ": cannot be read as JSON (" + e.getMessage() + ")", e);
        }
    }

    private static RateLimit limit(Path file, JsonObject section) throws CourseException {
        for (String key : section.keySet()) {
            if (!KEYS.contains(key)) {
                throw problem(file, "\"" + FIELD + "\" has an unknown field \"" + key
                        + "\" — it takes \"submissions\" and \"window_hours\"");
            }
        }
        BigDecimal submissions = number(file, section, "submissions", null);
        if (submissions.signum() <= 0 || submissions.stripTrailingZeros().scale() > 0
                || submissions.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            throw problem(file, "\"" + FIELD + ".submissions\" must be a whole number 1..1000000, was " + submissions);
        }
        BigDecimal hours = number(file, section, "window_hours", BigDecimal.valueOf(24));
        long minutes = hours.multiply(BigDecimal.valueOf(60)).longValue();
        if (minutes < 1 || hours.compareTo(BigDecimal.valueOf(24 * 366)) > 0) {
            throw problem(file, "\"" + FIELD + ".window_hours\" must be 1/60..8784 hours, was " + hours);
        }
        return new RateLimit(submissions.intValueExact(),
                Duration.ofMillis(hours.multiply(BigDecimal.valueOf(3_600_000)).longValue()));
    }

    private static BigDecimal number(Path file, JsonObject section, String key, BigDecimal absent)
            throws CourseException {
        JsonElement value = section.get(key);
        if (value == null && absent != null) {
            return absent;
        }
        if (value instanceof JsonPrimitive primitive && primitive.isNumber()) {
            return primitive.getAsBigDecimal();
        }
        throw problem(file, "\"" + FIELD + "." + key + "\" must be a number, was " + (value == null ? "missing"
                : value));
    }

    private static CourseException problem(Path file, String what) {
        return new CourseException(file + ": " + what);
    }
}
