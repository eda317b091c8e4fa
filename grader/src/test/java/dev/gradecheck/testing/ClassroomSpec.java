package dev.gradecheck.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result a GitHub Classroom grading step hands the reporter (github-education-resources/
 * autograding-grading-reporter: main.js decodes {@code <STEP_ID>_RESULTS} from base64 and parses it,
 * notify-classroom.js sums {@code tests[].score} against {@code max_score}, console-results.js prints each test's
 * {@code name}, {@code status} and {@code message}) as checks: {@code version} 1; {@code status} and each test's
 * status one of pass, fail, error; {@code max_score} and scores numbers; the documented test fields only, each of its
 * type; and a status that agrees with the score: a test passes only at a positive score.
 */
public final class ClassroomSpec {

    private static final Set<String> STATUSES = Set.of("pass", "fail", "error");
    private static final Map<String, String> TOP_LEVEL = Map.of("version", "number", "status", "status",
            "max_score", "number", "tests", "array");
    private static final Map<String, String> PER_TEST = Map.of("name", "string", "status", "status",
            "score", "number", "message", "string", "test_code", "string", "filename", "string",
            "line_no", "number", "duration", "number");

    private ClassroomSpec() {
    }

    /** Every way {@code rendered} departs from the reporter's format; empty when it conforms. */
    public static List<String> violations(String rendered) {
        List<String> violations = new ArrayList<>();
        JsonObject result = JsonParser.parseString(rendered).getAsJsonObject();
        check(result, TOP_LEVEL, "", violations);
        for (String required : List.of("version", "status", "max_score", "tests")) {
            if (!result.has(required)) {
                violations.add(required + " is required");
            }
        }
        if (result.has("version") && result.get("version").getAsInt() != 1) {
            violations.add("version must be 1");
        }
        int i = 0;
        for (JsonElement element : result.getAsJsonArray("tests")) {
            String where = "tests[" + i++ + "].";
            JsonObject test = element.getAsJsonObject();
            check(test, PER_TEST, where, violations);
            for (String required : List.of("name", "status", "score")) {
                if (!test.has(required)) {
                    violations.add(where + required + " is required");
                }
            }
            if (test.has("status") && test.get("status").getAsString().equals("pass") && !(test.get("score").getAsDouble() > 0)) {
                violations.add(where + " passes with a score of " + test.get("score"));
            }
        }
        return violations;
    }

    private static void check(JsonObject object, Map<String, String> fields, String where, List<String> violations) {
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            String type = fields.get(entry.getKey());
            if (type == null) {
                violations.add(where + entry.getKey() + " is not a field of the reporter's format");
            } else if (!hasType(entry.getValue(), type)) {
                violations.add(where + entry.getKey() + " must be " + type + ", was " + entry.getValue());
            }
        }
    }

    private static boolean hasType(JsonElement value, String type) {
        return switch (type) {
            case "number" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
            case "string" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
            case "array" -> value.isJsonArray();
            case "status" -> value.isJsonPrimitive() && STATUSES.contains(value.getAsString());
            default -> false;
        };
    }
}
