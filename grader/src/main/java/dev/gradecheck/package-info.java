/**
 * gradecheck's one way in: {@code Grader grader = Grader.create(config); GradeReport report = grader.grade(request);}
 *
 * <p>{@link dev.gradecheck.Grader} checks the request and hands it to the pipeline ({@code dev.gradecheck.pipeline}):
 * intake → locate student files → per exercise: compile, structure checks, bytecode check → sandboxed child JVMs for
 * the hidden tests → scoring → the report. Callers see the course through the read-only
 * {@link dev.gradecheck.CourseView}. The report writers of {@code dev.gradecheck.report} format the result.
 */
package dev.gradecheck;
