package dev.gradecheck.policy;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A family of Java APIs graded code may not use, e.g. reflection or file I/O.
 *
 * @param id stable lower-case id, e.g. {@code reflection}, {@code exit}, {@code io}
 * @param description the end of a sentence a student reads after the offending name, e.g. {@code exiting or
 *     controlling the JVM is not allowed in graded code}
 * @param hint how to do without it
 */
@API(status = API.Status.INTERNAL)
public record ApiFamily(String id, String description, String hint) {

    public ApiFamily {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(hint, "hint");
    }
}
