package dev.gradecheck.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apiguardian.api.API;

/**
 * The JVM flags the grader starts its JVMs with, kept in one place: {@code jvm-flags.properties} beside this class,
 * which {@code bin/grader} reads too (so a one-off grader, the grading server and the child JVMs start alike).
 */
@API(status = API.Status.INTERNAL)
public final class JvmFlags {

    private static final String FILE = "jvm-flags.properties";
    private static final List<String> SHORT_RUN = load("short-run");

    private JvmFlags() {
    }

    /** C1 only, serial GC, no perf-data file: for a JVM that lives for a grading or a child's tests. */
    public static List<String> shortRun() {
        return SHORT_RUN;
    }

    private static List<String> load(String key) {
        Properties properties = new Properties();
        try (InputStream in = JvmFlags.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing beside " + JvmFlags.class.getName()
                        + ": the grader's build is incomplete; rebuild it (bin/grader does when its sources change)");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
        String value = properties.getProperty(key, "").strip();
        if (value.isEmpty()) {
            throw new IllegalStateException(FILE + " has no " + key + "= line");
        }
        return List.copyOf(Arrays.asList(value.split(" +")));
    }
}
