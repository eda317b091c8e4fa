package dev.gradecheck.report.html;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gradecheck.api.Figure;
import dev.gradecheck.scoring.Points;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What the class dashboard ({@code dashboard.jte}) shows of {@code class.json}: the score distribution as a histogram,
 * per exercise mean / median / full-marks share, per test the pass rate, the misconceptions (code, how many students,
 * who, the explanation) as a table and a chart, the manual items, timeouts, submissions that could not be graded and
 * the slowest ones. Built from the text of {@code class.json} alone (and where each student's folder is), so the page
 * always says what the file says.
 *
 * <p>Student ids are hostile text: every text is made {@link DisplayText displayable} here and escaped by the
 * template; a student's name links to {@code FOLDER/feedback.html} only when the folder is one plain relative path
 * segment ({@link #SAFE_FOLDER}: no scheme, no slash, no dot segment), else the name stands without a link.
 *
 * @param maxScore the class's maximum score
 * @param sourceForm how the class was read ({@code folder}, {@code gradescope}, ...)
 * @param suiteHash the exercise suite's hash, shortened
 * @param total students in the class
 * @param graded students graded
 * @param notGradable students that could not be graded
 * @param scores mean, median, min and max of the graded students' totals
 * @param histogram the score distribution (one bar per bin)
 * @param exercises per exercise
 * @param manualItems per manual item
 * @param tests per hidden test
 * @param misconceptions per diagnosis code, most students first
 * @param misconceptionChart how many students per code; empty when none was found
 * @param integrityFlagged students whose grading saw tampering
 * @param timeouts tests that ran out of time, per student
 * @param gradingErrors submissions that could not be graded, and why
 * @param slowest the slowest gradings
 * @param totalGrading the gradings' summed duration, as text
 */
@API(status = API.Status.INTERNAL)
public record DashboardPage(String maxScore, String sourceForm, String suiteHash, int total, int graded,
                            int notGradable, Statistics scores, SvgChart histogram, List<ExerciseRow> exercises,
                            List<ManualRow> manualItems, List<TestRow> tests, List<MisconceptionRow> misconceptions,
                            Optional<SvgChart> misconceptionChart, List<StudentLink> integrityFlagged,
                            List<TimeoutRow> timeouts, List<ErrorRow> gradingErrors, List<SlowRow> slowest,
                            String totalGrading) {

    /** A folder name that is safe as a relative link: one path segment of letters, digits and {@code . _ @ -}. */
    public static final Pattern SAFE_FOLDER = Pattern.compile("[A-Za-z0-9_@][A-Za-z0-9._@-]{0,127}");

    public DashboardPage {
        Objects.requireNonNull(histogram, "histogram");
        exercises = List.copyOf(exercises);
        manualItems = List.copyOf(manualItems);
        tests = List.copyOf(tests);
        misconceptions = List.copyOf(misconceptions);
        Objects.requireNonNull(misconceptionChart, "misconceptionChart");
        integrityFlagged = List.copyOf(integrityFlagged);
        timeouts = List.copyOf(timeouts);
        gradingErrors = List.copyOf(gradingErrors);
        slowest = List.copyOf(slowest);
    }

    /** Mean, median, min and max, as text. */
    public record Statistics(String mean, String median, String min, String max) {
    }

    /** A student's id as shown, and the relative link to their feedback page when there is a safe one. */
    public record StudentLink(String id, Optional<String> href) {
    }

    /** One exercise: its automatic scores; {@code fullMarks} as a percentage. */
    public record ExerciseRow(String id, String title, String maxScore, Statistics scores, String fullMarks) {
    }

    /** One manual item: how many have been graded, how many wait, the mean of those given. */
    public record ManualRow(String exercise, String id, String title, String points, int graded, int pending,
                            String mean) {
    }

    /** One hidden test; {@code passRate} as a percentage, {@code barWidth} its bar's width in the row's meter. */
    public record TestRow(String exercise, String id, String name, String points, int ran, int passed, int timeouts,
                          String passRate, String barWidth) {
    }

    /** One misconception: its code, the explanation, the known bug it stands for, where, how many, who. */
    public record MisconceptionRow(String code, String explanation, String knownBug, List<String> exercises,
                                   int count, List<StudentLink> students) {

        public MisconceptionRow {
            exercises = List.copyOf(exercises);
            students = List.copyOf(students);
        }
    }

    /** A test that ran out of time. */
    public record TimeoutRow(StudentLink student, String test) {
    }

    /** A submission that could not be graded, and why. */
    public record ErrorRow(StudentLink student, String reason) {
    }

    /** A slow grading; {@code seconds} as text. */
    public record SlowRow(StudentLink student, String seconds) {
    }

    /** Width of a test's pass-rate meter, in SVG user units. */
    public static final int METER_WIDTH = 120;

    /**
     * The dashboard of {@code classJson} (the text of {@code class.json}); {@code folders} maps a student id to the
     * name of their output folder, where their {@code feedback.html} is.
     *
     * @throws IllegalArgumentException if {@code classJson} is not a class summary (a grader bug)
     */
    public static DashboardPage of(String classJson, Map<String, String> folders) {
        JsonObject json;
        try {
            json = JsonParser.parseString(classJson).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a class summary: " + e.getMessage(), e);
        }
        Function<String, StudentLink> link = student -> link(student, folders.get(student));
        JsonObject students = json.getAsJsonObject("students");
        JsonObject scores = json.getAsJsonObject("scores");
        JsonObject timing = json.getAsJsonObject("timing");
        List<MisconceptionRow> misconceptions = objects(json, "misconceptions").stream()
                .map(m -> misconception(m, link)).toList();
        return new DashboardPage(number(json, "max_score"), text(json, "source_form"),
                abbreviated(text(json, "suite_hash")), students.get("total").getAsInt(),
                students.get("graded").getAsInt(), students.get("not_gradable").getAsInt(), statistics(scores),
                histogram(scores), objects(json, "exercises").stream().map(DashboardPage::exercise).toList(),
                objects(json, "manual_items").stream().map(DashboardPage::manualItem).toList(),
                objects(json, "tests").stream().map(DashboardPage::test).toList(), misconceptions,
                misconceptionChart(misconceptions),
                strings(students, "integrity_flagged").stream().map(link).toList(),
                objects(json, "timeouts").stream()
                        .map(t -> new TimeoutRow(link.apply(raw(t, "student")), text(t, "test"))).toList(),
                objects(json, "grading_errors").stream()
                        .map(e -> new ErrorRow(link.apply(raw(e, "student")), text(e, "reason"))).toList(),
                objects(timing, "slowest").stream()
                        .map(s -> new SlowRow(link.apply(raw(s, "student")), seconds(s.get("duration_ms").getAsLong())))
                        .toList(),
                seconds(timing.get("total_grading_ms").getAsLong()));
    }

    /** The student's link: {@code FOLDER/feedback.html} when the folder is {@link #SAFE_FOLDER safe}. */
    static StudentLink link(String student, String folder) {
        boolean safe = folder != null && SAFE_FOLDER.matcher(folder).matches();
        return new StudentLink(DisplayText.of(student), safe ? Optional.of(folder + "/feedback.html")
                : Optional.empty());
    }

    private static SvgChart histogram(JsonObject scores) {
        List<Figure.Point> bins = new ArrayList<>();
        for (JsonObject bin : objects(scores, "histogram")) {
            bins.add(new Figure.Point(number(bin, "from") + "–" + number(bin, "to"), bin.get("count").getAsInt()));
        }
        if (bins.isEmpty()) {
            bins.add(new Figure.Point("no scores", 0));
        }
        return SvgChart.of("histogram", new Figure("Students per total score", Figure.Kind.BAR, Figure.Scale.LINEAR,
                "students", List.of(new Figure.Series("students", false, bins)), OptionalDouble.empty(), ""));
    }

    private static Optional<SvgChart> misconceptionChart(List<MisconceptionRow> misconceptions) {
        if (misconceptions.isEmpty()) {
            return Optional.empty();
        }
        List<Figure.Point> points = misconceptions.stream()
                .map(m -> new Figure.Point(m.code(), m.count())).toList();
        return Optional.of(SvgChart.of("misconception-chart", new Figure("Students per misconception",
                Figure.Kind.BAR, Figure.Scale.LINEAR, "students",
                List.of(new Figure.Series("students", false, points)), OptionalDouble.empty(), "")));
    }

    private static Statistics statistics(JsonObject json) {
        return new Statistics(number(json, "mean"), number(json, "median"), number(json, "min"), number(json, "max"));
    }

    private static ExerciseRow exercise(JsonObject json) {
        return new ExerciseRow(text(json, "id"), text(json, "title"), number(json, "max_score"), statistics(json),
                percent(json.get("full_marks_share").getAsDouble()));
    }

    private static ManualRow manualItem(JsonObject json) {
        return new ManualRow(text(json, "exercise"), text(json, "id"), text(json, "title"), number(json, "points"),
                json.get("graded").getAsInt(), json.get("pending").getAsInt(), number(json, "mean"));
    }

    private static TestRow test(JsonObject json) {
        double rate = json.get("pass_rate").getAsDouble();
        return new TestRow(text(json, "exercise"), text(json, "id"), text(json, "name"), number(json, "points"),
                json.get("ran").getAsInt(), json.get("passed").getAsInt(), json.get("timeouts").getAsInt(),
                percent(rate), SvgChart.coordinate(Math.max(0, Math.min(1, rate)) * METER_WIDTH));
    }

    private static MisconceptionRow misconception(JsonObject json, Function<String, StudentLink> link) {
        return new MisconceptionRow(text(json, "code"), text(json, "explanation"), text(json, "known_bug"),
                strings(json, "exercises").stream().map(DisplayText::of).toList(), json.get("count").getAsInt(),
                strings(json, "students").stream().map(link).toList());
    }

    private static List<JsonObject> objects(JsonObject json, String name) {
        List<JsonObject> objects = new ArrayList<>();
        JsonArray array = json.getAsJsonArray(name);
        if (array != null) {
            array.forEach(element -> objects.add(element.getAsJsonObject()));
        }
        return objects;
    }

    private static List<String> strings(JsonObject json, String name) {
        List<String> strings = new ArrayList<>();
        JsonArray array = json.getAsJsonArray(name);
        if (array != null) {
            array.forEach(element -> strings.add(element.getAsString()));
        }
        return strings;
    }

    /** A field's text as it was, for lookups (a student id); {@link #text} for showing it. */
    private static String raw(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }

    private static String text(JsonObject json, String name) {
        return DisplayText.of(raw(json, name));
    }

    private static String number(JsonObject json, String name) {
        return Points.format(json.get(name).getAsDouble());
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String abbreviated(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
