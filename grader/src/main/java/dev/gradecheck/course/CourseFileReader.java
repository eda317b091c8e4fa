package dev.gradecheck.course;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Binds a course's {@code course.json} with Gson and validates it field by field into {@link CourseSettings}, with the
 * manifests' messages ({@code course.json: "sandbox.heapMegabytes" must be 16..65536, was 8}). A course without the
 * file gets {@link CourseSettings#DEFAULT}.
 */
final class CourseFileReader {

    static final String DISPLAY_NAME = "course.json";
    private static final Gson GSON = new Gson();
    private static final Map<String, Set<String>> KNOWN_KEYS = Map.of(
            "", Set.of("apiFamilies", "testLibraries", "sandbox", "compileHints", "rate_limit"),
            "sandbox", Set.of("heapMegabytes", "stackKilobytes", "outputCapChars", "timeoutMillis"),
            "compileHints", Set.of("code", "hint"));

    private final CourseLayout layout;
    private final SettingFields fields = new SettingFields(DISPLAY_NAME);

    private CourseFileReader(CourseLayout layout) {
        this.layout = layout;
    }

    /**
     * The settings of the course under {@code layout}: its {@code course.json} validated, or the defaults without one.
     *
     * @throws CourseException naming the file, the field and the bad value
     */
    static CourseSettings read(CourseLayout layout) throws CourseException {
        if (!Files.exists(layout.courseFile())) {
            return CourseSettings.DEFAULT;
        }
        CourseFileReader reader = new CourseFileReader(layout);
        return reader.toSettings(reader.bind());
    }

    private Raw bind() throws CourseException {
        try {
            JsonElement tree = JsonParser.parseString(Files.readString(layout.courseFile(), StandardCharsets.UTF_8));
            if (!tree.isJsonObject()) {
                throw fields.problem("the course file must be a JSON object");
            }
            rejectUnknownKeys(tree.getAsJsonObject());
            return GSON.fromJson(tree, Raw.class);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw fields.problem("is not a valid course file: " + e.getMessage() + " — fix the JSON syntax or the value's type");
        } catch (IOException e) {
            throw new CourseException(DISPLAY_NAME + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private void rejectUnknownKeys(JsonObject file) throws CourseException {
        checkKeys(file, "", "");
        JsonElement sandbox = file.get("sandbox");
        if (sandbox != null && sandbox.isJsonObject()) {
            checkKeys(sandbox.getAsJsonObject(), "sandbox", "sandbox.");
        }
        JsonElement hints = file.get("compileHints");
        if (hints != null && hints.isJsonArray()) {
            for (int i = 0; i < hints.getAsJsonArray().size(); i++) {
                JsonElement hint = hints.getAsJsonArray().get(i);
                if (!hint.isJsonObject()) {
                    throw fields.problem("\"compileHints[" + i + "]\" must be an object, was " + hint);
                }
                checkKeys(hint.getAsJsonObject(), "compileHints", "compileHints[" + i + "].");
            }
        }
    }

    private void checkKeys(JsonObject object, String level, String prefix) throws CourseException {
        for (String key : object.keySet()) {
            if (!KNOWN_KEYS.get(level).contains(key)) {
                throw fields.problem("unknown field \"" + prefix + key + "\" — the known fields are "
                        + String.join(", ", KNOWN_KEYS.get(level).stream().sorted().toList()));
            }
        }
    }

    private CourseSettings toSettings(Raw raw) throws CourseException {
        OptionalInt timeout = raw.sandbox() == null ? OptionalInt.empty()
                : fields.range("sandbox.timeoutMillis", raw.sandbox().timeoutMillis(), 1, ManifestReader.MAX_TIMEOUT_MILLIS);
        return new CourseSettings(fields.apiFamilies(raw.apiFamilies(), List.of()), testLibraries(raw.testLibraries()),
                fields.limits(raw.sandbox()), timeout, compileHints(raw.compileHints()));
    }

    private List<Path> testLibraries(List<String> entries) throws CourseException {
        List<Path> libraries = new ArrayList<>();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            libraries.add(testLibrary("testLibraries[" + i + "]", entries.get(i), libraries));
        }
        return libraries;
    }

    private Path testLibrary(String field, String entry, List<Path> earlier) throws CourseException {
        if (entry == null || entry.isBlank() || entry.contains("\\") || Path.of(entry).isAbsolute()) {
            throw fields.invalid(field, "must be a path relative to the course root, like \"lib/checks.jar\"",
                    SettingFields.quoted(entry));
        }
        Path library = layout.root().resolve(entry).normalize();
        if (!library.startsWith(layout.root()) || library.equals(layout.root())) {
            throw fields.invalid(field, "must name a jar or class folder inside the course", SettingFields.quoted(entry));
        }
        if (earlier.contains(library)) {
            throw fields.invalid(field, "is listed twice", SettingFields.quoted(entry));
        }
        boolean jar = Files.isRegularFile(library) && entry.endsWith(".jar");
        if (!jar && !Files.isDirectory(library)) {
            throw fields.invalid(field, "must be an existing .jar file or class folder (build it first — bin/grader"
                    + " builds the course's Maven modules — or fix the path)", SettingFields.quoted(entry));
        }
        return library;
    }

    private Map<String, String> compileHints(List<RawHint> entries) throws CourseException {
        Map<String, String> hints = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            RawHint entry = entries.get(i);
            String prefix = "compileHints[" + i + "].";
            if (entry.code() == null || !entry.code().matches("compiler\\.err\\.[a-z0-9.-]+")) {
                throw fields.invalid(prefix + "code", "must be a javac error code like \"compiler.err.cant.resolve.location\"",
                        SettingFields.quoted(entry.code()));
            }
            if (!seen.add(entry.code())) {
                throw fields.invalid(prefix + "code", "is listed twice", SettingFields.quoted(entry.code()));
            }
            if (entry.hint() == null || entry.hint().isBlank()) {
                throw fields.invalid(prefix + "hint", "must be a non-empty string", SettingFields.quoted(entry.hint()));
            }
            hints.put(entry.code(), entry.hint().strip());
        }
        return hints;
    }

    /** The course file as Gson binds it, before validation; every field may be null. */
    record Raw(Map<String, String> apiFamilies, List<String> testLibraries, SettingFields.RawLimits sandbox,
               List<RawHint> compileHints) {
    }

    record RawHint(String code, String hint) {
    }
}
