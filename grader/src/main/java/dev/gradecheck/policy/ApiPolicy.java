package dev.gradecheck.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The APIs graded code may use: an allow-list, shared by the source rule {@code forbidden-api} and the bytecode check.
 * Anything no entry names is refused.
 *
 * <p>The standard list is data, {@code allowed-api.txt} beside this class: one {@link ApiPattern} a line, lines
 * starting with {@code !} carve an exception out of the entries (e.g. {@code !java.util.ServiceLoader} out of
 * {@code java.util.*}), blank lines and lines starting with {@code //} are comments. A course widens the list per
 * exercise ({@link #widenedBy}) and by whole families ({@link #withFamilies}, the entries of
 * {@code openable-api.txt}); their entries admit what they name even where the standard list carves it out. Neither
 * may admit anything of a closed family ({@link ForbiddenApi#OPENABLE}): the sandbox relies on those staying shut. The
 * course's own code, provided classes and the submission's classes, is always allowed ({@link #withCourseTypes}).
 *
 * <p>Decisions, in order: a course type is allowed; a widening entry admits; a carve-out refuses; a standard entry
 * admits; anything else is refused. A type is allowed as a name (a field's type, a class constant) when an entry
 * admits the type or any of its members, so {@code java.lang.System} may be named while only {@code System.out},
 * {@code System.err} and a few harmless methods may be used. Immutable and thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class ApiPolicy {

    static final String RESOURCE = "allowed-api.txt";
    static final String FAMILIES_RESOURCE = "openable-api.txt";
    private static final Map<ApiFamily, List<ApiPattern>> FAMILY_ENTRIES = loadFamilies();
    private static final List<String> JDK_ROOTS = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");
    private static final ApiPolicy STANDARD = load();

    private final List<ApiPattern> allowed;
    private final List<ApiPattern> carvedOut;
    private final List<ApiPattern> widened;
    private final Set<String> courseTypes;
    private final Set<ApiFamily> opened;

    private ApiPolicy(List<ApiPattern> allowed, List<ApiPattern> carvedOut, List<ApiPattern> widened,
                      Set<String> courseTypes, Set<ApiFamily> opened) {
        this.allowed = List.copyOf(allowed);
        this.carvedOut = List.copyOf(carvedOut);
        this.widened = List.copyOf(widened);
        this.courseTypes = Set.copyOf(courseTypes);
        this.opened = Set.copyOf(opened);
    }

    /** The standard list: a safe core of the Java SE API, without the course's code. */
    public static ApiPolicy standard() {
        return STANDARD;
    }

    /**
     * This policy, also admitting what {@code entries} name (an exercise's {@code allow}).
     *
     * @throws IllegalArgumentException if an entry admits anything of a closed family, naming the entry and the family
     */
    public ApiPolicy widenedBy(Collection<ApiPattern> entries) {
        for (ApiPattern entry : entries) {
            Set<ApiFamily> closed = ForbiddenApi.standard().closedFamiliesAdmittedBy(entry);
            if (!closed.isEmpty()) {
                throw new IllegalArgumentException("\"" + entry.text() + "\" would admit " + closed.iterator().next().id()
                        + " APIs, which stay closed");
            }
        }
        List<ApiPattern> all = new ArrayList<>(widened);
        all.addAll(entries);
        return new ApiPolicy(allowed, carvedOut, all, courseTypes, opened);
    }

    /**
     * This policy, also admitting every API of these families (the entries {@code openable-api.txt} lists for them).
     *
     * @throws IllegalArgumentException for a family a course may not allow (not in {@link ForbiddenApi#OPENABLE})
     */
    public ApiPolicy withFamilies(Collection<ApiFamily> families) {
        List<ApiPattern> all = new ArrayList<>(widened);
        Set<ApiFamily> open = new LinkedHashSet<>(opened);
        for (ApiFamily family : families) {
            if (!ForbiddenApi.isOpenable(family)) {
                throw new IllegalArgumentException("the API family \"" + family.id() + "\" stays closed: "
                        + family.description());
            }
            all.addAll(FAMILY_ENTRIES.getOrDefault(family, List.of()));
            open.add(family);
        }
        return new ApiPolicy(allowed, carvedOut, all, courseTypes, open);
    }

    /** True when this policy allows the whole family ({@link #withFamilies}). */
    public boolean opens(ApiFamily family) {
        return opened.contains(family);
    }

    /** The entries that allowing {@code family} adds, in file order; empty for a closed family. */
    public static List<ApiPattern> familyEntries(ApiFamily family) {
        return FAMILY_ENTRIES.getOrDefault(family, List.of());
    }

    /**
     * This policy, also admitting the given top-level types, their nested types and all their members: the course's
     * provided classes and the submission's own. Names under the JDK's roots ({@code java.}, {@code javax.},
     * {@code jdk.}, {@code sun.}, {@code com.sun.}) are never course types.
     *
     * @param qualifiedNames binary or internal names of top-level classes, e.g. {@code backprop.linalg.Matrix}
     */
    public ApiPolicy withCourseTypes(Collection<String> qualifiedNames) {
        Set<String> all = new TreeSet<>(courseTypes);
        qualifiedNames.stream().map(name -> name.replace('/', '.')).filter(name -> !underJdkRoot(name)).forEach(all::add);
        return new ApiPolicy(allowed, carvedOut, widened, all, opened);
    }

    /**
     * True for a course type or a type nested in one, by binary or internal name ({@code backprop.mlp.Mlp$Cache}):
     * the name itself or the name up to its first {@code $} must be a course type.
     */
    public boolean isCourseType(String qualifiedName) {
        String name = qualifiedName.replace('/', '.');
        int dollar = name.indexOf('$');
        return !underJdkRoot(name) && (courseTypes.contains(name) || dollar > 0 && courseTypes.contains(name.substring(0, dollar)));
    }

    private static boolean underJdkRoot(String name) {
        return JDK_ROOTS.stream().anyMatch(root -> name.startsWith(root) || name.equals(root.substring(0, root.length() - 1)));
    }

    /** True when graded code may name {@code qualifiedName} (dotted, binary or internal) as a type. */
    public boolean allowsType(String qualifiedName) {
        if (isCourseType(qualifiedName)) {
            return true;
        }
        QualifiedName type = QualifiedName.of(qualifiedName);
        if (widened.stream().anyMatch(entry -> entry.mentions(type))) {
            return true;
        }
        if (carvedOut.stream().anyMatch(entry -> entry.coversType(type))) {
            return false;
        }
        return allowed.stream().anyMatch(entry -> entry.mentions(type));
    }

    /**
     * True when graded code may use the member {@code name} (a method, field or {@code <init>}) of {@code owner}, as
     * bytecode names it: the static type the code calls it on.
     */
    public boolean allowsMember(String owner, String name) {
        if (isCourseType(owner)) {
            return true;
        }
        QualifiedName type = QualifiedName.of(owner);
        if (widened.stream().anyMatch(entry -> entry.coversMember(type, name))) {
            return true;
        }
        if (carvedOut.stream().anyMatch(entry -> entry.coversMember(type, name))) {
            return false;
        }
        return allowed.stream().anyMatch(entry -> entry.coversMember(type, name));
    }

    /** True when an entry (standard or widening) names {@code packageName} or a type or member of it. */
    public boolean namesPackage(String packageName) {
        return widened.stream().anyMatch(entry -> entry.packageName().equals(packageName))
                || allowed.stream().anyMatch(entry -> entry.packageName().equals(packageName));
    }

    /** The standard entries, in file order, for documentation and tests. */
    public List<ApiPattern> allowedEntries() {
        return allowed;
    }

    /** The standard carve-outs, in file order. */
    public List<ApiPattern> carvedOutEntries() {
        return carvedOut;
    }

    private static ApiPolicy load() {
        List<ApiPattern> allowed = new ArrayList<>();
        List<ApiPattern> carvedOut = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(ApiPolicy.class.getResourceAsStream(RESOURCE), RESOURCE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("//")) {
                    continue;
                }
                if (entry.startsWith("!")) {
                    carvedOut.add(ApiPattern.parse(entry.substring(1), true));
                } else {
                    allowed.add(ApiPattern.parse(entry, false));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the grader's " + RESOURCE, e);
        }
        return new ApiPolicy(allowed, carvedOut, List.of(), Set.of(), Set.of());
    }

    private static Map<ApiFamily, List<ApiPattern>> loadFamilies() {
        Map<ApiFamily, List<ApiPattern>> entries = new LinkedHashMap<>();
        for (String line : lines(FAMILIES_RESOURCE)) {
            int colon = line.indexOf(':');
            ApiFamily family = colon < 0 ? null : ForbiddenApi.family(line.substring(0, colon).strip()).orElse(null);
            if (family == null || !ForbiddenApi.isOpenable(family)) {
                throw new IllegalStateException(FAMILIES_RESOURCE + ": \"" + line + "\" must be \"family: entry\" with an"
                        + " openable family");
            }
            entries.computeIfAbsent(family, key -> new ArrayList<>()).add(ApiPattern.parse(line.substring(colon + 1)));
        }
        return entries;
    }

    private static List<String> lines(String resource) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(ApiPolicy.class.getResourceAsStream(resource), resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("//")) {
                    lines.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the grader's " + resource, e);
        }
        return lines;
    }
}
