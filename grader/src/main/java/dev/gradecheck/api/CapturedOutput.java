package dev.gradecheck.api;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a test printed to {@code System.out} and {@code System.err}, capped.
 *
 * @param text the kept part, never null (empty when nothing was printed)
 * @param droppedChars how many characters were printed beyond the cap and dropped; 0 when nothing was dropped
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CapturedOutput(String text, long droppedChars) {

    public static final CapturedOutput NONE = new CapturedOutput("", 0);

    public CapturedOutput {
        Objects.requireNonNull(text, "text");
        if (droppedChars < 0) {
            throw new IllegalArgumentException("droppedChars must be >= 0, was " + droppedChars);
        }
    }
}
