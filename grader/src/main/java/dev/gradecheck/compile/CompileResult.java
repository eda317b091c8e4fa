package dev.gradecheck.compile;

import dev.gradecheck.api.Finding;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What compiling one exercise gave.
 *
 * @param success true when javac reported no error and wrote the class files
 * @param findings javac's errors (rule {@code compile}, severity zero), capped, sorted by location; empty on success
 */
@API(status = API.Status.INTERNAL)
public record CompileResult(boolean success, List<Finding> findings) {

    public CompileResult {
        findings = List.copyOf(findings);
    }
}
