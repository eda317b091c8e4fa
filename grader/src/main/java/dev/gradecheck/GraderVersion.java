package dev.gradecheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apiguardian.api.API;

/** The grader's version, from {@code dev/gradecheck/version.properties} (filled in by the Maven build). */
@API(status = API.Status.STABLE, since = "0.1")
public final class GraderVersion {

    private static final String VERSION = load();

    private GraderVersion() {
    }

    /** E.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when not built by Maven. */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = GraderVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
