package dev.gradecheck.ratelimit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a rate limit needs of Gradescope's {@code submission_metadata.json}.
 *
 * @param createdAt this submission's {@code created_at}: the end of the window
 * @param previous its {@code previous_submissions}, in the file's order
 */
@API(status = API.Status.INTERNAL)
public record SubmissionMetadata(OffsetDateTime createdAt, List<PreviousSubmission> previous) {

    public SubmissionMetadata {
        Objects.requireNonNull(createdAt, "createdAt");
        previous = List.copyOf(Objects.requireNonNull(previous, "previous"));
    }
}
