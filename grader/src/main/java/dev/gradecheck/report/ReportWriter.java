package dev.gradecheck.report;

import dev.gradecheck.api.GradeReport;
import java.io.IOException;
import java.nio.file.Path;
import org.apiguardian.api.API;

/** Formats a {@link GradeReport} as one file format. Implementations are stateless and thread-safe. */
@API(status = API.Status.STABLE, since = "0.1")
public interface ReportWriter {

    /** The file name this format is written to, e.g. {@code report.json}. */
    String fileName();

    /** The report in this format; the same report always gives the same text. */
    String render(GradeReport report);

    /**
     * Writes the report atomically into {@code outDirectory} (created if needed) as {@link #fileName()}.
     *
     * @return the file written
     * @throws IOException if the folder or file cannot be written
     */
    default Path write(GradeReport report, Path outDirectory) throws IOException {
        return AtomicFiles.write(outDirectory.resolve(fileName()), render(report));
    }
}
