/**
 * The course: its optional course file ({@code course.json}: API families, test libraries, limits, compile hints) and
 * the exercise manifests bound into validated records, the provided-code list, the suite hash and the compiled
 * instructor code (provided classes, solutions, hidden tests, the course's test libraries), cached per suite hash.
 *
 * <p>{@link dev.gradecheck.course.Course#load} is the way in. Every problem an exercise author can make is a
 * {@link dev.gradecheck.course.CourseException} naming the file, the field and the bad value.
 */
package dev.gradecheck.course;
