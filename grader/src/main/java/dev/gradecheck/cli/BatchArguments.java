package dev.gradecheck.cli;

import dev.gradecheck.batch.BatchOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options of {@code batch SOURCE --out DIR ...}, a picocli mixin: the grader's {@code batch} and the cluster's
 * {@code batch --cluster} read the same ones, so the two cannot drift apart.
 */
@API(status = API.Status.INTERNAL)
public final class BatchArguments {

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The class: a folder, a Gradescope export (zip or "
            + "folder), a folder of Classroom repositories, or a roster .csv.")
    private Path source;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where every output goes (created).")
    private Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "How many submissions are graded at once, each in its "
            + "own child JVM. Default: the number of processors (${DEFAULT-VALUE}).")
    private int jobs = BatchOptions.defaultJobs();

    @Option(names = "--manual", paramLabel = "GRADES.csv", description = "A filled-in manual.csv: its points and "
            + "comments are merged into every output without regrading. A file with a bad row is refused whole.")
    private Path manual;

    @Option(names = "--deadline", paramLabel = "ISO-8601", description = "Grade each git submission at its last commit "
            + "at or before this time (by committer date), e.g. 2025-03-01T23:59:00+01:00; the gradebook names the "
            + "commit and its time.")
    private String deadline;

    @Option(names = "--exercise", paramLabel = "ID", description = "Grade only this exercise (repeatable). Default: all.")
    private List<String> exercises = new ArrayList<>();

    @Option(names = "--id-column", paramLabel = "NAME", description = "The name of gradebook.csv's student-id column, "
            + "as your LMS's import expects it. Default: ${DEFAULT-VALUE}.")
    private String idColumn = "student";

    /**
     * The batch these options ask for, paths resolved with {@code resolve}.
     *
     * @throws IllegalArgumentException when an option is out of range or the deadline is no ISO-8601 time; the
     *     message says which and how to write it
     */
    public BatchOptions options(Path courseRoot, UnaryOperator<Path> resolve) {
        return new BatchOptions(courseRoot, resolve.apply(source), resolve.apply(out), jobs,
                Optional.ofNullable(manual).map(resolve), parseDeadline(), exercises, idColumn);
    }

    private Optional<Instant> parseDeadline() {
        if (deadline == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(deadline).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--deadline \"" + deadline + "\" is not an ISO-8601 time with an offset"
                    + " — write it as 2025-03-01T23:59:00+01:00 or 2025-03-01T22:59:00Z");
        }
    }
}
