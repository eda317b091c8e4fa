package dev.gradecheck.batch;

import dev.gradecheck.report.Escape;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * What a running batch tells its user. On a terminal ({@link #bar}) one line redrawn in place: a bar, done/total,
 * the rate, the time left and how many submissions could not be graded; elsewhere ({@link #lines}, for CI logs) one
 * plain line per finished submission. Thread-safe. Student ids are printed through {@link Escape#terminal}.
 */
@API(status = API.Status.EXPERIMENTAL)
public abstract class Progress {

    private int total;
    private int done;
    private int notGradable;
    private long startNanos;

    /** The batch is about to grade {@code toGrade} of {@code total} submissions; the others are up to date. */
    synchronized void started(int classSize, int upToDate, int toGrade, int jobs) {
        this.total = toGrade;
        this.startNanos = System.nanoTime();
        say(String.format(Locale.ROOT, "%d submissions: %d up to date, %d to grade, %d at once", classSize, upToDate,
                toGrade, Math.min(jobs, Math.max(1, toGrade))));
    }

    /** One submission finished. */
    synchronized void finished(String student, boolean graded, String detail) {
        done++;
        if (!graded) {
            notGradable++;
        }
        show(student, graded, detail);
    }

    /** The batch ended (or was stopped); {@code summary} says what it wrote. */
    synchronized void ended(String summary) {
        end();
        say(summary);
    }

    abstract void say(String line);

    abstract void show(String student, boolean graded, String detail);

    void end() {
    }

    int done() {
        return done;
    }

    int total() {
        return total;
    }

    int notGradable() {
        return notGradable;
    }

    /** Submissions per minute so far, and the time left at that rate, as text. */
    String rateAndEta() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double perMinute = seconds > 0 ? done * 60 / seconds : 0;
        long left = done > 0 ? Math.round(seconds / done * (total - done)) : -1;
        Duration eta = Duration.ofSeconds(Math.max(0, left));
        return String.format(Locale.ROOT, "%.1f/min, ETA %s", perMinute,
                left < 0 ? "?" : String.format(Locale.ROOT, "%d:%02d", eta.toMinutes(), eta.toSecondsPart()));
    }

    /** One plain line per submission on {@code out}. */
    public static Progress lines(PrintWriter out) {
        return new Progress() {
            @Override
            void say(String line) {
                out.println(line);
                out.flush();
            }

            @Override
            void show(String student, boolean graded, String detail) {
                out.println(Escape.terminal(String.format(Locale.ROOT, "[%d/%d] %s: %s%s", done(), total(), student,
                        graded ? "" : "not gradable: ", detail)));
                out.flush();
            }
        };
    }

    /** A bar redrawn in place on {@code terminal}. */
    public static Progress bar(PrintWriter terminal) {
        return new Progress() {
            private boolean drawn;

            @Override
            void say(String line) {
                end();
                terminal.println(line);
                terminal.flush();
            }

            @Override
            void show(String student, boolean graded, String detail) {
                int width = 30;
                int filled = total() == 0 ? width : done() * width / total();
                terminal.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d  %s  %d not gradable  %s\u001b[K",
                        "#".repeat(filled), ".".repeat(width - filled), done(), total(), rateAndEta(), notGradable(),
                        Escape.terminal(student)));
                terminal.flush();
                drawn = true;
            }

            @Override
            void end() {
                if (drawn) {
                    terminal.println();
                    drawn = false;
                }
            }
        };
    }
}
