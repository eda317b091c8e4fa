package dev.gradecheck.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * When a student may see a test's or an exercise's result, with Gradescope's meanings. The names, lower-cased, are
 * the manifest's and {@code report.json}'s {@code visibility} values.
 */
@API(status = API.Status.STABLE)
public enum Visibility {
    /** Always shown. */
    VISIBLE,
    /** Never shown to the student (its points still count). */
    HIDDEN,
    /** Shown once the assignment's due date has passed. */
    AFTER_DUE_DATE,
    /** Shown once the instructor publishes the grades. */
    AFTER_PUBLISHED;

    /** {@code visible}, {@code hidden}, {@code after_due_date}, {@code after_published}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a format that cannot delay what it shows may show it now: only {@link #VISIBLE}. PrairieLearn, GitHub
     * Classroom and JUnit XML treat the other three alike, as hidden.
     */
    public boolean shownNow() {
        return this == VISIBLE;
    }

    /** The visibility named {@code name} ({@code after_due_date}), if there is one. */
    public static Optional<Visibility> byJsonName(String name) {
        return Arrays.stream(values()).filter(visibility -> visibility.jsonName().equals(name)).findFirst();
    }
}
