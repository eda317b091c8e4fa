package dev.gradecheck.structure;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The API students must keep: for every student file, its top-level type and that type's public constructors,
 * methods, fields and enum constants, read from the template's stub of the file (so the required API can never
 * drift from what students are given). Immutable and thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class ApiCatalog {

    private static final ApiCatalog EMPTY = new ApiCatalog(Map.of());

    private final Map<String, Required> types;

    /** A stub's required type and the package it is declared in. */
    record Required(String packageName, ApiType type) {
    }

    private ApiCatalog(Map<String, Required> types) {
        this.types = Collections.unmodifiableMap(new TreeMap<>(types));
    }

    /**
     * Reads the stubs of {@code studentFiles} from the template's source folder.
     *
     * @param templateSources the template's source root, e.g. {@code student-template/src/main/java}
     * @param studentFiles declared paths such as {@code backprop/mlp/Mlp.java}
     * @throws IllegalArgumentException naming the file, when a stub is missing, does not parse, or does not declare
     *     the type its path names
     * @throws UncheckedIOException when a stub exists but cannot be read
     */
    public static ApiCatalog fromTemplate(Path templateSources, Collection<String> studentFiles) {
        Map<String, String> stubs = new TreeMap<>();
        for (String declaredPath : studentFiles) {
            Path stub = templateSources.resolve(declaredPath);
            if (!Files.isRegularFile(stub)) {
                throw new IllegalArgumentException(stub + ": the template has no stub for the student file "
                        + declaredPath + " — every student file needs its stub in the template");
            }
            stubs.put(declaredPath, read(stub));
        }
        return parse(stubs, declaredPath -> templateSources.resolve(declaredPath).toString());
    }

    /**
     * Builds the catalog from stub texts.
     *
     * @param stubTextByDeclaredPath declared path ({@code backprop/mlp/Mlp.java}) to the stub's source text
     * @throws IllegalArgumentException naming the declared path, when a stub does not parse or does not declare the
     *     type its path names
     */
    public static ApiCatalog fromStubs(Map<String, String> stubTextByDeclaredPath) {
        return parse(stubTextByDeclaredPath, declaredPath -> declaredPath);
    }

    /** A catalog requiring nothing. */
    public static ApiCatalog empty() {
        return EMPTY;
    }

    /** The declared paths of the student files whose API is required, sorted. */
    public Set<String> studentFiles() {
        return Collections.unmodifiableSet(new TreeSet<>(types.keySet()));
    }

    /** The required members of a student file as the template declares them, e.g. {@code public double loss(...)}. */
    public List<String> requiredDeclarations(String declaredPath) {
        return required(declaredPath).map(required -> required.type().members().stream()
                .map(ApiMember::declaration).toList()).orElse(List.of());
    }

    /** The required type of a student file, if the catalog covers it. */
    Optional<Required> required(String declaredPath) {
        return Optional.ofNullable(types.get(declaredPath));
    }

    private interface Naming {
        String describe(String declaredPath);
    }

    private static ApiCatalog parse(Map<String, String> stubs, Naming naming) {
        SourceParser parser = new SourceParser();
        Map<String, Required> types = new TreeMap<>();
        stubs.forEach((declaredPath, text) -> types.put(declaredPath,
                requiredType(parser, declaredPath, Objects.requireNonNull(text, declaredPath), naming)));
        return new ApiCatalog(types);
    }

    private static Required requiredType(SourceParser parser, String declaredPath, String text, Naming naming) {
        String where = naming.describe(declaredPath);
        SourceParser.Outcome outcome = parser.parse(text);
        if (outcome instanceof SourceParser.Unparsable problem) {
            throw new IllegalArgumentException(where + ":" + problem.line() + ":" + problem.column()
                    + ": the template's stub does not parse: " + problem.reason());
        }
        CompilationUnit unit = ((SourceParser.Parsed) outcome).unit();
        String simpleName = declaredPath.substring(declaredPath.lastIndexOf('/') + 1, declaredPath.length() - ".java".length());
        TypeDeclaration<?> type = unit.getTypes().stream().filter(declared -> declared.getNameAsString().equals(simpleName))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(where
                        + ": the template's stub does not declare the type " + simpleName + " its path names"));
        String packageName = unit.getPackageDeclaration().map(declaration -> declaration.getNameAsString()).orElse("");
        return new Required(packageName, ApiType.of(type).publicPart());
    }

    private static String read(Path stub) {
        try {
            return Files.readString(stub, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template's stub " + stub, e);
        }
    }
}
