/**
 * The grading server: a long-lived grader on 127.0.0.1 that {@code bin/grader} hands its tasks to as typed
 * {@link dev.gradecheck.app.GradingRequest}s ({@link dev.gradecheck.server.ServerProtocol}, spoken in plain bash by
 * {@code bin/lib/server-client.bash}), its endpoint file, its Java client, and its pool of graders with child JVMs on
 * standby ({@link dev.gradecheck.server.GraderPool}). {@link dev.gradecheck.server.ServerControl} is what the command
 * line's {@code server} commands call. It runs tasks through {@link dev.gradecheck.app.Tasks} (the facade and the
 * report writers) and depends on nothing of {@code cli}.
 */
package dev.gradecheck.server;
