package dev.gradecheck.compile;

import dev.gradecheck.submission.StudentSource;
import java.net.URI;
import javax.tools.SimpleJavaFileObject;

/**
 * A student source held in memory and named by its declared path (so javac's file-name checks see
 * {@code backprop/mlp/Mlp.java}), remembering where the file sits in the submission for diagnostics.
 */
final class StudentFileObject extends SimpleJavaFileObject {

    private final StudentSource source;

    StudentFileObject(StudentSource source) {
        super(URI.create("student:///" + source.declaredPath()), Kind.SOURCE);
        this.source = source;
    }

    /** Where the file sits in the submission, e.g. {@code src/main/java/backprop/mlp/Mlp.java}. */
    String submissionPath() {
        return source.submissionPath();
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source.text();
    }
}
