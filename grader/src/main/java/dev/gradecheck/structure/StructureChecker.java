package dev.gradecheck.structure;

import dev.gradecheck.api.Finding;
import dev.gradecheck.api.Location;
import dev.gradecheck.api.Severity;
import dev.gradecheck.policy.ApiPolicy;
import dev.gradecheck.policy.ForbiddenApi;
import dev.gradecheck.submission.StudentSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * Runs an exercise's structure rules over its sources, even when they do not compile.
 *
 * <p>Each source is parsed once; a source with a syntax error gets one warning (javac reports the error itself) and
 * is skipped by the rules, a source the parser cannot handle at all (too deeply nested) gets a zero-severity
 * {@code unreadable-source} finding, so nesting cannot be used to dodge the rules. The work runs on a thread with a
 * large stack and a time limit. Findings are capped per rule and sorted by location. The {@code forbidden-api} rule's
 * findings of severity zero block the exercise's hidden tests ({@link Finding#blocksTests()}). Thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class StructureChecker {

    static final String UNREADABLE = "unreadable-source";
    static final int MAX_FINDINGS_PER_RULE = 20;
    static final long STACK_BYTES = 512L * 1024 * 1024;
    static final Duration TIME_LIMIT = Duration.ofSeconds(60);

    private static final Map<String, Rule> RULES = Map.of(
            StructureRule.REQUIRED_API, new RequiredApiRule(),
            StructureRule.FORBIDDEN_CALLS, new ForbiddenCallsRule(),
            StructureRule.FORBIDDEN_API, new ForbiddenApiRule());
    private static final Comparator<Finding> ORDER = Comparator.comparing((Finding finding) -> finding.location().file())
            .thenComparingInt(finding -> finding.location().line())
            .thenComparingInt(finding -> finding.location().column())
            .thenComparing(Finding::rule)
            .thenComparing(Finding::message);

    private final ApiCatalog api;

    private StructureChecker(ApiCatalog api) {
        this.api = api;
    }

    /** A checker judging {@code required-api} against {@code api}, the template's stubs. */
    public static StructureChecker create(ApiCatalog api) {
        return new StructureChecker(Objects.requireNonNull(api, "api"));
    }

    /**
     * The findings of {@code rules} over {@code sources} (one exercise's student files), sorted by location.
     *
     * @return never null; never throws for anything the sources contain
     */
    public List<Finding> check(List<StructureRule> rules, List<StudentSource> sources) {
        return check(rules, sources, ApiPolicy.standard());
    }

    /**
     * The findings of {@code rules} over {@code sources}, {@code forbidden-api} judging by {@code policy} (the
     * exercise's allow-list), sorted by location.
     *
     * @return never null; never throws for anything the sources contain
     */
    public List<Finding> check(List<StructureRule> rules, List<StudentSource> sources, ApiPolicy policy) {
        List<StructureRule> declared = List.copyOf(rules);
        List<StudentSource> sorted = sources.stream().sorted(Comparator.comparing(StudentSource::declaredPath)).toList();
        FutureTask<List<Finding>> task = new FutureTask<>(() -> checkNow(declared, sorted, policy));
        Thread thread = new Thread(null, task, "gradecheck-structure", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        return await(task, sorted);
    }

    private List<Finding> checkNow(List<StructureRule> rules, List<StudentSource> sources, ApiPolicy policy) {
        SourceParser parser = new SourceParser();
        List<Finding> findings = new ArrayList<>();
        List<ParsedSource> parsed = new ArrayList<>();
        for (StudentSource source : sources) {
            SourceParser.Outcome outcome = parser.parse(source.text());
            if (outcome instanceof SourceParser.Parsed tree) {
                parsed.add(new ParsedSource(source, tree.unit()));
            } else if (outcome instanceof SourceParser.Unparsable problem) {
                findings.add(unparsable(source, problem));
            }
        }
        for (StructureRule rule : rules) {
            findings.addAll(marked(rule, capped(rule, run(rule, parsed, policy))));
        }
        findings.sort(ORDER);
        return List.copyOf(findings);
    }

    private List<Finding> run(StructureRule rule, List<ParsedSource> parsed, ApiPolicy policy) {
        try {
            return RULES.get(rule.rule()).check(new RuleContext(rule, parsed, api, ForbiddenApi.standard(), policy));
        } catch (RuntimeException | StackOverflowError e) {
            String file = parsed.isEmpty() ? "" : parsed.get(0).source().submissionPath();
            return List.of(rule.finding(Location.of(file), "the rule " + rule.rule() + " could not be checked: " + e,
                    "Simplify the code; if the problem stays, tell your instructor."));
        }
    }

    /** The rule's findings, those of severity zero blocking the tests when the rule says so. */
    private static List<Finding> marked(StructureRule rule, List<Finding> findings) {
        return RULES.get(rule.rule()).blocksTests()
                ? findings.stream().map(Finding::blockingTestsIfZero).toList() : findings;
    }

    private static Finding unparsable(StudentSource source, SourceParser.Unparsable problem) {
        Location location = new Location(source.submissionPath(), problem.line(), problem.column());
        String prefix = new Location(source.fileName(), problem.line(), problem.column()).toString();
        if (problem.syntaxError()) {
            return Finding.warn(UNREADABLE, location, prefix + ": the structure rules were not checked because of a"
                    + " syntax error: " + problem.reason(), "Fix the compile errors first.");
        }
        return Finding.zero(UNREADABLE, location, prefix + ": the structure rules could not read this file: "
                + problem.reason(), "Simplify the code: split long or deeply nested expressions into local variables.");
    }

    private static List<Finding> capped(StructureRule rule, List<Finding> findings) {
        if (findings.size() <= MAX_FINDINGS_PER_RULE) {
            return findings;
        }
        List<Finding> sorted = findings.stream().sorted(ORDER).toList();
        List<Finding> kept = new ArrayList<>(sorted.subList(0, MAX_FINDINGS_PER_RULE));
        int more = sorted.size() - MAX_FINDINGS_PER_RULE;
        Finding first = sorted.get(MAX_FINDINGS_PER_RULE);
        kept.add(new Finding(rule.rule(), rule.severity(), rule.pointsPerFinding() * more,
                first.location(), "and " + more + " more " + rule.rule() + " findings not shown",
                first.hint()));
        return kept;
    }

    private static List<Finding> await(FutureTask<List<Finding>> task, List<StudentSource> sources) {
        String file = sources.isEmpty() ? "" : sources.get(0).submissionPath();
        try {
            return task.get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return List.of(Finding.zero(UNREADABLE, Location.of(file), "the structure rules did not finish within "
                    + TIME_LIMIT.toSeconds() + " s", "Simplify very long or deeply nested code."));
        } catch (ExecutionException e) {
            return List.of(Finding.zero(UNREADABLE, Location.of(file), "the structure rules could not be checked: "
                    + e.getCause(), "Simplify very long or deeply nested code."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(new Finding(UNREADABLE, Severity.ZERO, 0, Location.of(file),
                    "the structure rules were interrupted", ""));
        }
    }
}
