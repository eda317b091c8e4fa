package dev.gradecheck.batch;

import java.util.Objects;
import java.util.Optional;

/**
 * One student's submission in a class.
 *
 * @param student the student's id: the entry's name, the Classroom login, the Gradescope student id, the roster's
 *     {@code student}; never blank, unique in the class
 * @param folder the name of the student's output folder under {@code DIR}: the id made safe for a file name
 * @param name the student's name, where the source says it (Gradescope)
 * @param email the student's email, where the source says it (Gradescope)
 * @param source what to grade: a path or a {@code file:} URL
 * @param ref the branch, tag or commit of a git submission, where the roster names one
 * @param problem why this entry cannot be graded at all before anything is opened (a roster row without a source),
 *     empty otherwise
 */
record ClassEntry(String student, String folder, Optional<String> name, Optional<String> email, String source,
                         Optional<String> ref, Optional<String> problem) {

    public ClassEntry {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(problem, "problem");
        if (student.isBlank()) {
            throw new IllegalArgumentException("a student id must not be blank");
        }
    }

    /** An entry known only by its id and source. */
    static ClassEntry of(String student, String source) {
        return new ClassEntry(student, "", Optional.empty(), Optional.empty(), source, Optional.empty(), Optional.empty());
    }

    ClassEntry inFolder(String newFolder) {
        return new ClassEntry(student, newFolder, name, email, source, ref, problem);
    }
}
