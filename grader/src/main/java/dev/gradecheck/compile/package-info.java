/**
 * Compilation of one exercise's student sources, in process with {@code javax.tools}, against the provided classes.
 *
 * <p>{@link dev.gradecheck.compile.ExerciseCompiler} is the way in. Sources are compiled from memory under their
 * declared names (so {@code Mlp (1).java} from an LMS compiles as {@code Mlp.java}) while every diagnostic points
 * at the file as the student submitted it. javac's errors become capped {@link dev.gradecheck.api.Finding}s with a
 * short hint for the common ones; javac itself runs on a thread with a large stack and a time limit, so no source
 * can crash or stall the grader.
 */
package dev.gradecheck.compile;
