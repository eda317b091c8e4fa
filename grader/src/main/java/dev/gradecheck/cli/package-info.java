/**
 * The command line (picocli): {@code grade}, {@code demo}, {@code verify}, {@code --help}, {@code --version}. Thin: it parses
 * arguments, calls the {@link dev.gradecheck.Grader} facade and the report writers, and maps outcomes to
 * {@link dev.gradecheck.cli.ExitCode}s. {@link dev.gradecheck.cli.Main#main} is the only {@code System.exit}.
 */
package dev.gradecheck.cli;
