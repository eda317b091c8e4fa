/**
 * The course: the exercise manifests bound into validated records, the provided-code list, the suite hash and the
 * compiled instructor code (provided classes, solutions, hidden tests), cached per suite hash.
 *
 * <p>{@link dev.gradecheck.course.Course#load} is the way in. Every problem an exercise author can make is a
 * {@link dev.gradecheck.course.CourseException} naming the file, the field and the bad value.
 */
package dev.gradecheck.course;
