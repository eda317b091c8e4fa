package dev.gradecheck.course;

import dev.gradecheck.policy.ApiFamily;
import dev.gradecheck.policy.ForbiddenApi;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates the fields {@code course.json} and {@code exercise.json} share, {@code "apiFamilies"} and
 * {@code "sandbox"}, with the manifests' messages: file, field, rule, bad value.
 */
final class SettingFields {

    static final String ALLOW = "allow";
    static final String FORBID = "forbid";

    private final String displayName;

    SettingFields(String displayName) {
        this.displayName = displayName;
    }

    /** The sandbox limits as bound by Gson; every field may be null. */
    record RawLimits(Integer heapMegabytes, Integer stackKilobytes, Integer outputCapChars, Integer timeoutMillis) {
    }

    /**
     * The families open after applying {@code entries} ({@code "io": "allow"}, {@code "threads": "forbid"}) to
     * {@code inherited}, in {@link ForbiddenApi#FAMILIES} order.
     *
     * @throws CourseException for an unknown family, a value other than allow/forbid, or a closed family allowed
     */
    List<ApiFamily> apiFamilies(Map<String, String> entries, List<ApiFamily> inherited) throws CourseException {
        Set<ApiFamily> open = new LinkedHashSet<>(inherited);
        for (Map.Entry<String, String> entry : entries == null ? Map.<String, String>of().entrySet() : entries.entrySet()) {
            String field = "apiFamilies." + entry.getKey();
            ApiFamily family = ForbiddenApi.family(entry.getKey()).orElseThrow(() -> invalid(field,
                    "is not an API family — the families are " + ids(ForbiddenApi.FAMILIES), quoted(entry.getKey())));
            if (FORBID.equals(entry.getValue())) {
                open.remove(family);
            } else if (!ALLOW.equals(entry.getValue())) {
                throw invalid(field, "must be \"allow\" or \"forbid\"", quoted(entry.getValue()));
            } else if (!ForbiddenApi.isOpenable(family)) {
                throw invalid(field, "cannot be \"allow\": " + family.id() + " stays closed in every course, because the"
                        + " sandbox relies on it (see docs/security.md) — a course may allow only "
                        + ids(ForbiddenApi.OPENABLE), quoted(entry.getValue()));
            } else {
                open.add(family);
            }
        }
        List<ApiFamily> ordered = new ArrayList<>(ForbiddenApi.FAMILIES);
        ordered.retainAll(open);
        return ordered;
    }

    /** The limits of {@code "sandbox"}; {@link Limits#NONE} when absent. */
    Limits limits(RawLimits raw) throws CourseException {
        if (raw == null) {
            return Limits.NONE;
        }
        return new Limits(range("sandbox.heapMegabytes", raw.heapMegabytes(), Limits.MIN_HEAP, Limits.MAX_HEAP),
                range("sandbox.stackKilobytes", raw.stackKilobytes(), Limits.MIN_STACK, Limits.MAX_STACK),
                range("sandbox.outputCapChars", raw.outputCapChars(), 0, Limits.MAX_OUTPUT));
    }

    OptionalInt range(String field, Integer value, int min, int max) throws CourseException {
        if (value == null) {
            return OptionalInt.empty();
        }
        if (value < min || value > max) {
            throw invalid(field, "must be " + min + ".." + max, value);
        }
        return OptionalInt.of(value);
    }

    CourseException invalid(String field, String rule, Object value) {
        return problem("\"" + field + "\" " + rule + ", was " + (value == null ? "missing" : value));
    }

    CourseException problem(String text) {
        return new CourseException(displayName + ": " + text);
    }

    static String quoted(String value) {
        return value == null ? null : "\"" + value + "\"";
    }

    private static String ids(List<ApiFamily> families) {
        return families.stream().map(ApiFamily::id).collect(Collectors.joining(", "));
    }
}
