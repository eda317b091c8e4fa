package dev.gradecheck.ratelimit;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Gradescope's {@code results.json} for a submission over the limit: {@code score} is the previous submission's,
 * {@code output} says the limit, the graded submissions that fill the window and when the next one is graded (times
 * in this submission's UTC offset, the reset rounded up to the minute so it is never early), and {@code tests} holds
 * nothing of this run — its code was never run. When the previous results hid the score (a test or the results
 * not {@code visible}), the output does not state it and one unscored line with that visibility keeps Gradescope
 * hiding the total as before. {@code extra_data.rate_limit} (instructors only) records the decision.
 * Deterministic: the same decision gives byte-identical output.
 */
@API(status = API.Status.INTERNAL)
public final class RateLimitedResults {

    /** The file name Gradescope reads. */
    public static final String FILE = "results.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private RateLimitedResults() {
    }

    /** The JSON text, ending in a newline. */
    public static String render(RateLimitDecision.Limited limited) {
        JsonObject json = new JsonObject();
        json.addProperty("score", number(limited.lastScore()));
        json.addProperty("output", output(limited));
        json.addProperty("output_format", "md");
        json.addProperty("visibility", "visible");
        json.addProperty("stdout_visibility", "hidden");
        json.add("extra_data", extraData(limited));
        JsonArray tests = new JsonArray();
        if (!scoreShown(limited)) {
            tests.add(keepsScoreHidden(limited.last().scoreVisibility()));
        }
        json.add("tests", tests);
        return GSON.toJson(json) + "\n";
    }

    /** Writes {@link #render} to {@code outDirectory/results.json} (replacing it whole) and returns the file. */
    public static Path write(RateLimitDecision.Limited limited, Path outDirectory) throws IOException {
        Files.createDirectories(outDirectory);
        Path file = outDirectory.resolve(FILE);
        Path temporary = Files.createTempFile(outDirectory, ".results.json", ".tmp");
        try {
            Files.writeString(temporary, render(limited), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }

    /** The student-facing explanation, Markdown. */
    static String output(RateLimitDecision.Limited limited) {
        OffsetDateTime now = limited.submittedAt();
        String zone = " (UTC" + now.getOffset().getId().replace("Z", "+00:00") + ")";
        String counted = limited.counted().stream().map(previous -> shown(previous.submittedAt(), now))
                .collect(Collectors.joining(", "));
        OffsetDateTime reset = limited.resetsAt().truncatedTo(ChronoUnit.MINUTES).equals(limited.resetsAt())
                ? limited.resetsAt() : limited.resetsAt().truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        String score = scoreShown(limited) ? ": **" + text(limited.lastScore()) + "**."
                : "; it is shown when your instructor releases it.";
        return "**Not graded: this course grades at most " + limited.limit().describe() + ".** Your code in this "
                + "submission was not run.\n\n"
                + "Graded submissions in the window before this one: " + counted + zone + ".\n\n"
                + "**Your next submission is graded from " + shown(reset, now) + zone + ".**\n\n"
                + "Your score stays at your previous submission's (" + shown(limited.last().submittedAt(), now)
                + ")" + score + " Its feedback is under that submission in your submission history.";
    }

    private static boolean scoreShown(RateLimitDecision.Limited limited) {
        return limited.last().scoreVisibility().equals("visible");
    }

    private static JsonObject keepsScoreHidden(String visibility) {
        JsonObject line = new JsonObject();
        line.addProperty("name", "Score of the last graded submission");
        line.addProperty("score", 0);
        line.addProperty("max_score", 0);
        line.addProperty("output", "Not graded (rate limit): the score is the last graded submission's.");
        line.addProperty("visibility", visibility);
        return line;
    }

    private static JsonObject extraData(RateLimitDecision.Limited limited) {
        JsonObject limit = new JsonObject();
        limit.addProperty("submissions", limited.limit().submissions());
        limit.addProperty("window_hours", number(limited.limit().window().toMillis() / 3_600_000.0));
        limit.addProperty("limited", true);
        JsonArray counted = new JsonArray();
        limited.counted().forEach(previous -> counted.add(previous.submittedAt().toString()));
        limit.add("counted", counted);
        limit.addProperty("resets_at", limited.resetsAt().toString());
        limit.addProperty("last_graded_submission", limited.last().submittedAt().toString());
        JsonObject extra = new JsonObject();
        extra.add("rate_limit", limit);
        return extra;
    }

    private static String shown(OffsetDateTime time, OffsetDateTime in) {
        return time.atZoneSameInstant(in.getOffset()).format(SHOWN);
    }

    private static Number number(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() <= 0 ? (Number) rounded.longValueExact() : (Number) rounded.doubleValue();
    }

    private static String text(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
