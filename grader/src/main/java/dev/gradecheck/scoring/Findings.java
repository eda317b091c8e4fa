package dev.gradecheck.scoring;

import dev.gradecheck.api.Finding;
import org.apiguardian.api.API;

/** How a finding reads in one line: {@code Mlp.java:41:9: backward calls forward}. */
@API(status = API.Status.INTERNAL)
public final class Findings {

    private Findings() {
    }

    /** {@code location: message}; a message that already starts with its location is not prefixed twice. */
    public static String describe(Finding finding) {
        return finding.location() + ": " + messageWithoutLocation(finding);
    }

    /** The message without a leading {@code File.java:line:column: } that repeats the finding's location. */
    public static String messageWithoutLocation(Finding finding) {
        String file = finding.location().file();
        String fileName = file.substring(file.lastIndexOf('/') + 1);
        String message = finding.message();
        if (!fileName.isEmpty() && (message.startsWith(fileName + ":") || message.startsWith(file + ":"))) {
            int end = message.indexOf(": ", fileName.length());
            return end < 0 ? message : message.substring(end + 2);
        }
        return message;
    }
}
