/**
 * The command line (picocli): {@code grade}, {@code demo}, {@code verify}, {@code server}, {@code --help},
 * {@code --version}. Thin: it parses arguments into a typed {@link dev.gradecheck.app.GradingRequest} and hands it to
 * {@link dev.gradecheck.app.Tasks}, or hands {@code server} commands to {@link dev.gradecheck.server.ServerControl},
 * and maps outcomes to {@link dev.gradecheck.app.ExitCode}s. {@link dev.gradecheck.cli.Main#main} is the only
 * {@code System.exit}.
 */
package dev.gradecheck.cli;
