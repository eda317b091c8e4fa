package dev.gradecheck.batch;

import org.apiguardian.api.API;

/**
 * How a batch ended.
 *
 * @param students the class's size
 * @param graded the submissions graded in this run
 * @param upToDate the submissions whose reports were already up to date (not graded again)
 * @param notGradable the submissions that could not be graded at all
 * @param stopped whether the batch was stopped before it finished (SIGINT); then no class output was rebuilt
 */
@API(status = API.Status.EXPERIMENTAL)
public record BatchResult(int students, int graded, int upToDate, int notGradable, boolean stopped) {
}
