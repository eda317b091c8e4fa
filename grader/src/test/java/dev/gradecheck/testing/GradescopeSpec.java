package dev.gradecheck.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gradescope's results.json specification (gradescope/autograder_samples docs/specs.md, summarized in
 * shared/reference/lms-formats.md) as checks: known fields only, each of the documented type and values.
 */
public final class GradescopeSpec {

    private static final Set<String> FORMATS = Set.of("text", "html", "simple_format", "md", "ansi");
    private static final Set<String> VISIBILITIES = Set.of("hidden", "after_due_date", "after_published", "visible");
    private static final Map<String, String> TOP_LEVEL = Map.ofEntries(
            Map.entry("score", "number"), Map.entry("execution_time", "number"), Map.entry("output", "string"),
            Map.entry("output_format", "format"), Map.entry("test_output_format", "format"),
            Map.entry("test_name_format", "format"), Map.entry("visibility", "visibility"),
            Map.entry("stdout_visibility", "visibility"), Map.entry("extra_data", "object"),
            Map.entry("tests", "array"), Map.entry("leaderboard", "array"));
    private static final Map<String, String> PER_TEST = Map.ofEntries(
            Map.entry("score", "number"), Map.entry("max_score", "number"), Map.entry("status", "status"),
            Map.entry("name", "string"), Map.entry("name_format", "format"), Map.entry("number", "string"),
            Map.entry("output", "string"), Map.entry("output_format", "format"), Map.entry("tags", "strings"),
            Map.entry("visibility", "visibility"), Map.entry("extra_data", "object"));

    private GradescopeSpec() {
    }

    /** Every way {@code results} departs from the spec; empty when it conforms. */
    public static List<String> violations(JsonObject results) {
        List<String> violations = new ArrayList<>();
        check(results, TOP_LEVEL, "", violations);
        if (!results.has("tests") && !results.has("score")) {
            violations.add("either score or tests is required");
        }
        if (results.has("tests") && results.get("tests").isJsonArray()) {
            int i = 0;
            for (JsonElement test : results.getAsJsonArray("tests")) {
                String where = "tests[" + i++ + "].";
                if (!test.isJsonObject()) {
                    violations.add(where + " must be an object");
                    continue;
                }
                check(test.getAsJsonObject(), PER_TEST, where, violations);
                if (test.getAsJsonObject().has("score") != test.getAsJsonObject().has("max_score")) {
                    violations.add(where + " score and max_score come together");
                }
                if (!test.getAsJsonObject().has("score") && !test.getAsJsonObject().has("status")) {
                    violations.add(where + " a test without a score needs a status");
                }
            }
        }
        return violations;
    }

    private static void check(JsonObject object, Map<String, String> fields, String where, List<String> violations) {
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            String type = fields.get(entry.getKey());
            if (type == null) {
                violations.add(where + entry.getKey() + " is not a Gradescope field");
            } else if (!hasType(entry.getValue(), type)) {
                violations.add(where + entry.getKey() + " must be " + type + ", was " + entry.getValue());
            }
        }
    }

    private static boolean hasType(JsonElement value, String type) {
        return switch (type) {
            case "number" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
            case "string" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
            case "object" -> value.isJsonObject();
            case "array" -> value.isJsonArray();
            case "strings" -> value.isJsonArray() && value.getAsJsonArray().asList().stream()
                    .allMatch(item -> item.isJsonPrimitive() && item.getAsJsonPrimitive().isString());
            case "format" -> isOneOf(value, FORMATS);
            case "visibility" -> isOneOf(value, VISIBILITIES);
            case "status" -> isOneOf(value, Set.of("passed", "failed"));
            default -> false;
        };
    }

    private static boolean isOneOf(JsonElement value, Set<String> allowed) {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() && allowed.contains(value.getAsString());
    }
}
