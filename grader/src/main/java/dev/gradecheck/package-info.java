/**
 * gradecheck's one way in: {@code Grader grader = Grader.create(config); GradeReport report = grader.grade(request);}
 *
 * <p>{@link dev.gradecheck.Grader} runs the pipeline intake → locate student files → per exercise: compile, structure
 * checks, bytecode check → one sandboxed child JVM for the hidden tests → scoring. The report writers of
 * {@code dev.gradecheck.report} format its result.
 */
package dev.gradecheck;
