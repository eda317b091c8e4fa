package dev.gradecheck.report;

import dev.gradecheck.api.Integrity;
import dev.gradecheck.api.IntegrityEvent;
import java.util.List;

/** The integrity section as plain lines, the same in every format that shows it to instructors. */
final class IntegrityText {

    /** The headline of a flagged grading. */
    static final String FLAGGED = "this grading was flagged: its child JVM's event channel was tampered with;"
            + " the scores count authentic events only";

    private IntegrityText() {
    }

    /** One line per event: {@code kind [test]: detail (N times)}. */
    static List<String> lines(Integrity integrity) {
        return integrity.events().stream().map(IntegrityText::line).toList();
    }

    private static String line(IntegrityEvent event) {
        return event.kind().jsonName() + event.test().map(test -> " [" + test + "]").orElse("") + ": "
                + event.detail() + (event.count() > 1 ? " (" + event.count() + " times)" : "");
    }
}
