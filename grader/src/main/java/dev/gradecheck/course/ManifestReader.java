package dev.gradecheck.course;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.gradecheck.api.Severity;
import dev.gradecheck.api.TestId;
import dev.gradecheck.api.Visibility;
import dev.gradecheck.policy.ApiFamily;
import dev.gradecheck.policy.ApiPattern;
import dev.gradecheck.policy.ForbiddenApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Binds one {@code exercises/<id>/exercise.json} with Gson and validates it field by field into an {@link Exercise}.
 * Checks that need other files (student files, hidden tests) are {@link CourseValidator}'s.
 */
final class ManifestReader {

    static final int MAX_TIMEOUT_MILLIS = 60_000;
    static final int MAX_ORDER = 1000;
    private static final String EXAMPLE_SECTION = "vanishing-gradients";

    private static final Gson GSON = new Gson();
    private static final Map<String, Set<String>> KNOWN_KEYS = Map.of(
            "", Set.of("id", "title", "order", "studentFiles", "timeoutMillis", "tests", "manual", "structure",
                    "mutants", "allow", "visibility", "apiFamilies", "sandbox"),
            "sandbox", Set.of("heapMegabytes", "stackKilobytes", "outputCapChars"),
            "tests", Set.of("test", "points", "timeoutMillis", "visibility"),
            "manual", Set.of("id", "title", "points", "answer"),
            "manual.answer", Set.of("file", "section"),
            "structure", Set.of("rule", "severity", "points", "method", "calls", "hint"),
            "mutants", Set.of("code", "summary"));

    private final Path file;
    private final String displayName;
    private final CourseSettings course;
    private final SettingFields fields;

    private ManifestReader(Path file, String displayName, CourseSettings course) {
        this.file = file;
        this.displayName = displayName;
        this.course = course;
        this.fields = new SettingFields(displayName);
    }

    /**
     * Reads and validates the manifest of the exercise in {@code folder}.
     *
     * @param folder the exercise folder, {@code exercises/<id>}
     * @param displayName the manifest path as messages show it, e.g. {@code exercises/chain-rule/exercise.json}
     * @param course the course's settings, which the manifest's API families and limits override
     * @throws CourseException naming the file, the field and the bad value
     */
    static Exercise read(Path folder, String displayName, CourseSettings course) throws CourseException {
        ManifestReader reader = new ManifestReader(folder.resolve("exercise.json"), displayName, course);
        return reader.toExercise(folder, reader.bind());
    }

    private Raw.Manifest bind() throws CourseException {
        if (!Files.isRegularFile(file)) {
            throw new CourseException(displayName + ": missing — every folder under exercises/ needs an exercise.json");
        }
        try {
            JsonElement tree = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!tree.isJsonObject()) {
                throw problem("the manifest must be a JSON object");
            }
            rejectUnknownKeys(tree.getAsJsonObject());
            return GSON.fromJson(tree, Raw.Manifest.class);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw problem("is not a valid manifest: " + e.getMessage() + " — fix the JSON syntax or the value's type");
        } catch (IOException e) {
            throw new CourseException(displayName + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private void rejectUnknownKeys(JsonObject manifest) throws CourseException {
        checkKeys(manifest, "", "");
        for (String list : List.of("tests", "manual", "structure", "mutants")) {
            JsonElement entries = manifest.get(list);
            if (entries == null || !entries.isJsonArray()) {
                continue;
            }
            for (int i = 0; i < entries.getAsJsonArray().size(); i++) {
                JsonElement entry = entries.getAsJsonArray().get(i);
                if (!entry.isJsonObject()) {
                    throw problem("\"" + list + "[" + i + "]\" must be an object, was " + entry);
                }
                checkKeys(entry.getAsJsonObject(), list, list + "[" + i + "].");
                if (list.equals("manual")) {
                    checkAnswerKeys(entry.getAsJsonObject(), "manual[" + i + "].answer");
                }
            }
        }
        JsonElement sandbox = manifest.get("sandbox");
        if (sandbox != null && sandbox.isJsonObject()) {
            checkKeys(sandbox.getAsJsonObject(), "sandbox", "sandbox.");
        }
    }

    private void checkAnswerKeys(JsonObject item, String field) throws CourseException {
        JsonElement answer = item.get("answer");
        if (answer == null) {
            return;
        }
        if (!answer.isJsonObject()) {
            throw invalid(field, "must be an object like {\"file\": \"ANSWERS.md\", \"section\": \"" + EXAMPLE_SECTION
                    + "\"}", answer);
        }
        checkKeys(answer.getAsJsonObject(), "manual.answer", field + ".");
    }

    private void checkKeys(JsonObject object, String level, String prefix) throws CourseException {
        for (String key : object.keySet()) {
            if (!KNOWN_KEYS.get(level).contains(key)) {
                throw problem("unknown field \"" + prefix + key + "\" — the known fields are "
                        + String.join(", ", KNOWN_KEYS.get(level).stream().sorted().toList()));
            }
        }
    }

    private Exercise toExercise(Path folder, Raw.Manifest raw) throws CourseException {
        String folderName = folder.getFileName().toString();
        if (raw.id() == null || !raw.id().equals(folderName)) {
            throw invalid("id", "must equal the folder name \"" + folderName + "\"", quoted(raw.id()));
        }
        requireText("title", raw.title());
        Integer courseTimeout = course.timeoutMillis().isPresent() ? course.timeoutMillis().getAsInt() : null;
        int timeoutMillis = timeout("timeoutMillis", raw.timeoutMillis(), courseTimeout);
        Visibility visibility = visibility("visibility", raw.visibility(), Visibility.VISIBLE);
        List<ApiFamily> families = fields.apiFamilies(raw.apiFamilies(), course.apiFamilies());
        Limits limits = course.limits().overriddenBy(fields.limits(raw.sandbox()));
        return new Exercise(raw.id(), raw.title(), folder, studentFiles(raw.studentFiles()),
                tests(raw.tests(), timeoutMillis, visibility), manual(raw.id(), raw.manual()), rules(raw.structure()),
                mutants(folder, raw.mutants()), order(raw.order()), allow(raw.allow()), visibility, families, limits);
    }

    /** {@code value} as a visibility; {@code fallback} when absent. */
    private Visibility visibility(String field, String value, Visibility fallback) throws CourseException {
        if (value == null) {
            return fallback;
        }
        return Visibility.byJsonName(value).orElseThrow(() -> invalid(field,
                "must be one of \"visible\", \"hidden\", \"after_due_date\", \"after_published\"", quoted(value)));
    }

    private List<ApiPattern> allow(List<String> entries) throws CourseException {
        List<ApiPattern> patterns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            String entry = entries.get(i);
            try {
                patterns.add(ApiPattern.parse(entry));
            } catch (IllegalArgumentException e) {
                throw invalid("allow[" + i + "]", "must be written as " + ApiPattern.FORMS, quoted(entry));
            }
            if (!seen.add(entry.strip())) {
                throw invalid("allow[" + i + "]", "is listed twice", quoted(entry));
            }
            Set<ApiFamily> closed = ForbiddenApi.standard().closedFamiliesAdmittedBy(patterns.get(patterns.size() - 1));
            if (!closed.isEmpty()) {
                throw invalid("allow[" + i + "]", "would admit " + closed.iterator().next().id() + " APIs, which stay"
                        + " closed in every course because the sandbox relies on them (see docs/security.md) — name"
                        + " only the types or members the exercise needs, or allow a whole family with \"apiFamilies\"",
                        quoted(entry));
            }
        }
        return patterns;
    }

    private OptionalInt order(Integer value) throws CourseException {
        if (value == null) {
            return OptionalInt.empty();
        }
        if (value < 1 || value > MAX_ORDER) {
            throw invalid("order", "must be 1.." + MAX_ORDER + " (the exercise's place in the course)", value);
        }
        return OptionalInt.of(value);
    }

    private List<String> studentFiles(List<String> files) throws CourseException {
        if (files == null || files.isEmpty()) {
            throw invalid("studentFiles", "must list at least one file like \"backprop/mlp/Mlp.java\"", files);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            String path = files.get(i);
            if (path == null || !path.matches("([A-Za-z_$][\\w$]*/)*[A-Za-z_$][\\w$]*\\.java")) {
                throw invalid("studentFiles[" + i + "]", "must be a source path like \"backprop/mlp/Mlp.java\"", quoted(path));
            }
            if (!seen.add(path)) {
                throw invalid("studentFiles[" + i + "]", "is listed twice", quoted(path));
            }
        }
        return files;
    }

    private List<HiddenTest> tests(List<Raw.Test> entries, int defaultTimeoutMillis, Visibility defaultVisibility)
            throws CourseException {
        if (entries == null || entries.isEmpty()) {
            throw invalid("tests", "must list at least one hidden test", entries);
        }
        List<HiddenTest> tests = new ArrayList<>();
        Set<TestId> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            HiddenTest test = test("tests[" + i + "].", entries.get(i), defaultTimeoutMillis, defaultVisibility);
            if (!seen.add(test.id())) {
                throw invalid("tests[" + i + "].test", "is listed twice", quoted(test.id().toString()));
            }
            tests.add(test);
        }
        return tests;
    }

    private HiddenTest test(String prefix, Raw.Test entry, int defaultTimeoutMillis, Visibility defaultVisibility)
            throws CourseException {
        TestId id;
        try {
            id = TestId.parse(entry.test());
        } catch (IllegalArgumentException e) {
            throw invalid(prefix + "test", "must be written as fully.qualified.Class#method", quoted(entry.test()));
        }
        double points = positive(prefix + "points", entry.points());
        int timeoutMillis = timeout(prefix + "timeoutMillis", entry.timeoutMillis(), defaultTimeoutMillis);
        return new HiddenTest(id, points, Duration.ofMillis(timeoutMillis),
                visibility(prefix + "visibility", entry.visibility(), defaultVisibility));
    }

    private List<ManualItem> manual(String exerciseId, List<Raw.Manual> entries) throws CourseException {
        List<ManualItem> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            Raw.Manual entry = entries.get(i);
            String prefix = "manual[" + i + "].";
            requireText(prefix + "id", entry.id());
            if (!seen.add(entry.id())) {
                throw invalid(prefix + "id", "is used twice", quoted(entry.id()));
            }
            requireText(prefix + "title", entry.title());
            items.add(new ManualItem(entry.id(), entry.title(), positive(prefix + "points", entry.points()),
                    answer(prefix + "answer.", exerciseId, entry.answer())));
        }
        return items;
    }

    /** The item's answer section; its section defaults to the exercise id. */
    private Optional<AnswerSection> answer(String prefix, String exerciseId, Raw.Answer entry) throws CourseException {
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.file() == null || !AnswerSection.NAME.matcher(entry.file()).matches()) {
            throw invalid(prefix + "file", "must be a file name without folders, like \"ANSWERS.md\" (letters, digits,"
                    + " '.', '_', '-'); the grader finds it wherever it sits in the submission", quoted(entry.file()));
        }
        String section = entry.section() == null ? exerciseId : entry.section();
        if (!AnswerSection.NAME.matcher(section).matches()) {
            throw invalid(prefix + "section", "must be the name the section's heading quotes in backticks, like \""
                    + EXAMPLE_SECTION + "\" (letters, digits, '.', '_', '-'); it defaults to the exercise id",
                    quoted(section));
        }
        return Optional.of(new AnswerSection(entry.file(), section));
    }

    private List<RuleDeclaration> rules(List<Raw.Rule> entries) throws CourseException {
        List<RuleDeclaration> rules = new ArrayList<>();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            rules.add(rule("structure[" + i + "].", entries.get(i)));
        }
        return rules;
    }

    private RuleDeclaration rule(String prefix, Raw.Rule entry) throws CourseException {
        requireText(prefix + "rule", entry.rule());
        Severity severity = severity(prefix + "severity", entry.severity());
        double points = 0;
        if (severity == Severity.DEDUCT) {
            points = positive(prefix + "points", entry.points());
        } else if (entry.points() != null && entry.points() != 0) {
            throw invalid(prefix + "points", "is only allowed with severity \"deduct\"", entry.points());
        }
        if ("forbidden-calls".equals(entry.rule())) {
            requireText(prefix + "method", entry.method());
            if (entry.calls() == null || entry.calls().isEmpty()) {
                throw invalid(prefix + "calls", "must list the forbidden calls, e.g. [\"forward\", \"GradientCheck.*\"]", entry.calls());
            }
        }
        return new RuleDeclaration(entry.rule(), severity, points, entry.method(), entry.calls(), entry.hint());
    }

    private Severity severity(String field, String value) throws CourseException {
        for (Severity severity : Severity.values()) {
            if (severity.jsonName().equals(value)) {
                return severity;
            }
        }
        throw invalid(field, "must be one of \"warn\", \"deduct\", \"zero\"", quoted(value));
    }

    private List<Mutant> mutants(Path folder, List<Raw.Mutant> entries) throws CourseException {
        List<Mutant> mutants = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            Raw.Mutant entry = entries.get(i);
            String prefix = "mutants[" + i + "].";
            if (entry.code() == null || !entry.code().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw invalid(prefix + "code", "must be a lower-case hyphenated misconception code", quoted(entry.code()));
            }
            if (!seen.add(entry.code())) {
                throw invalid(prefix + "code", "is used twice", quoted(entry.code()));
            }
            requireText(prefix + "summary", entry.summary());
            mutants.add(new Mutant(entry.code(), entry.summary(), folder.resolve("mutants").resolve(entry.code())));
        }
        return mutants;
    }

    private int timeout(String field, Integer value, Integer fallback) throws CourseException {
        if (value == null && fallback != null) {
            return fallback;
        }
        if (value == null || value < 1 || value > MAX_TIMEOUT_MILLIS) {
            throw invalid(field, "must be 1.." + MAX_TIMEOUT_MILLIS, value);
        }
        return value;
    }

    private double positive(String field, Double value) throws CourseException {
        if (value == null || !(value > 0) || value.isInfinite()) {
            throw invalid(field, "must be > 0", value);
        }
        return value;
    }

    private void requireText(String field, String value) throws CourseException {
        if (value == null || value.isBlank()) {
            throw invalid(field, "must be a non-empty string", quoted(value));
        }
    }

    private CourseException invalid(String field, String rule, Object value) {
        return problem("\"" + field + "\" " + rule + ", was " + (value == null ? "missing" : value));
    }

    private CourseException problem(String text) {
        return new CourseException(displayName + ": " + text);
    }

    private static String quoted(String value) {
        return value == null ? null : "\"" + value + "\"";
    }

    /** The manifest as Gson binds it, before validation; every field may be null. */
    static final class Raw {

        private Raw() {
        }

        record Manifest(String id, String title, Integer order, List<String> studentFiles, Integer timeoutMillis,
                        List<Test> tests, List<Manual> manual, List<Rule> structure, List<Mutant> mutants,
                        List<String> allow, String visibility, Map<String, String> apiFamilies,
                        SettingFields.RawLimits sandbox) {
        }

        record Test(String test, Double points, Integer timeoutMillis, String visibility) {
        }

        record Manual(String id, String title, Double points, Answer answer) {
        }

        record Answer(String file, String section) {
        }

        record Rule(String rule, String severity, Double points, String method, List<String> calls, String hint) {
        }

        record Mutant(String code, String summary) {
        }
    }
}
