package dev.gradecheck.structure;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.gradecheck.api.Finding;
import dev.gradecheck.policy.ApiFamily;
import dev.gradecheck.policy.ApiPolicy;
import dev.gradecheck.policy.ForbiddenApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code forbidden-api}: every JDK type and member a student source names must be allowed by the exercise's allow-list
 * ({@link dev.gradecheck.policy.ApiPolicy}) — through imports, types, calls, field accesses, method references,
 * constructors and annotations; {@code native} methods and strings naming a class of a named family are refused too.
 * Refusals are worded by {@link ForbiddenApi}'s families, else as not among the APIs the exercise allows.
 *
 * <p>Works on the syntax tree alone, so it also judges code that does not compile, and judges only names it can
 * resolve to a type of the JDK (or of a named family): the course's and the student's own types, variables and
 * unknown names are left to the bytecode check, which judges what compiles and which fully qualified names and
 * computed strings cannot dodge. One finding per family and line, the most specific use first.
 */
final class ForbiddenApiRule implements Rule {

    /**
     * One forbidden use: where, what it is ({@code calls java.lang.System.exit}), which family, how specific, and the
     * type it belongs to (empty when unknown).
     */
    private record Use(Node node, String what, ApiFamily family, int rank, String owner) {
    }

    private static final int MEMBER = 3;
    private static final int CALL = 2;
    private static final int TYPE = 1;
    private static final int STRING = 0;

    /** Code using a refused API must not run: at severity zero, the hidden tests of its exercise do not run. */
    @Override
    public boolean blocksTests() {
        return true;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (ParsedSource source : context.sources()) {
            List<Use> uses = new Uses(source, context.forbidden(), context.policy()).all();
            for (Use use : mostSpecificPerLine(source, uses)) {
                findings.add(context.rule().finding(source.locationOf(use.node()), source.prefix(use.node()) + ": "
                        + use.what() + " — " + use.family().description(), use.family().hint()));
            }
        }
        return findings;
    }

    /**
     * One use per line and family, the most specific; a mere use of a type is dropped when a forbidden member of the
     * same type is used on the same line ({@code Runtime.getRuntime().exec(...)} is about {@code exec}).
     */
    private static List<Use> mostSpecificPerLine(ParsedSource source, List<Use> uses) {
        Set<String> membersByLine = uses.stream().filter(use -> use.rank() == MEMBER && !use.owner().isEmpty())
                .map(use -> line(source, use) + " " + use.owner()).collect(Collectors.toSet());
        Map<String, Use> kept = new LinkedHashMap<>();
        uses.stream()
                .filter(use -> use.rank() == MEMBER || !membersByLine.contains(line(source, use) + " " + use.owner()))
                .sorted(Comparator.comparingInt((Use use) -> -use.rank())
                        .thenComparingInt(use -> source.locationOf(use.node()).column()))
                .forEach(use -> kept.putIfAbsent(line(source, use) + " " + use.family().id(), use));
        return List.copyOf(kept.values());
    }

    private static int line(ParsedSource source, Use use) {
        return source.locationOf(use.node()).line();
    }

    /** Collects the uses in one source. */
    private static final class Uses {

        private final ParsedSource source;
        private final ForbiddenApi forbidden;
        private final ApiPolicy policy;
        private final ImportScope scope;
        private final List<Use> uses = new ArrayList<>();

        Uses(ParsedSource source, ForbiddenApi forbidden, ApiPolicy policy) {
            this.source = source;
            this.forbidden = forbidden;
            this.policy = policy;
            this.scope = new ImportScope(source.unit(), forbidden);
        }

        List<Use> all() {
            source.unit().getImports().forEach(this::importDeclaration);
            source.unit().walk(this::visit);
            return uses;
        }

        private void visit(Node node) {
            if (node instanceof ClassOrInterfaceType type && !isScopeOfType(type)) {
                typeReference(type, type.getNameWithScope(), "uses");
            } else if (node instanceof AnnotationExpr annotation) {
                typeReference(annotation, annotation.getNameAsString(), "uses the annotation");
            } else if (node instanceof MethodCallExpr call) {
                call(call);
            } else if (node instanceof MethodReferenceExpr reference) {
                member(reference, CallSite.receiverText(reference.getScope()), reference.getIdentifier(), "refers to");
            } else if (node instanceof FieldAccessExpr access && !isCallScope(access)) {
                member(access, CallSite.receiverText(access.getScope()), access.getNameAsString(), "uses");
            } else if (node instanceof ObjectCreationExpr creation) {
                creation(creation);
            } else if (node instanceof MethodDeclaration method && method.isNative()) {
                add(method.getName(), "declares the native method " + method.getNameAsString(), ForbiddenApi.NATIVE,
                        MEMBER, "");
            } else if (node instanceof StringLiteralExpr string) {
                forbidden.forNamedClass(string.getValue())
                        .filter(family -> !policy.allowsType(string.getValue().strip().replace('/', '.')))
                        .ifPresent(family -> add(string, "names " + string.getValue() + " in a string", family, STRING, ""));
            }
        }

        /**
         * An import is reported only when it names a type of a named family (or a refused member): importing another
         * type does nothing by itself, its uses are reported where they are.
         */
        private void importDeclaration(ImportDeclaration declaration) {
            String name = declaration.getNameAsString();
            int dot = name.lastIndexOf('.');
            Optional<ApiFamily> family;
            if (declaration.isStatic() && !declaration.isAsterisk()) {
                String owner = dot < 0 ? "" : name.substring(0, dot);
                family = dot < 0 || !judged(owner) || policy.allowsMember(owner, name.substring(dot + 1)) ? Optional.empty()
                        : Optional.of(forbidden.familyOfMember(owner, name.substring(dot + 1), List.of()));
            } else if (declaration.isAsterisk()) {
                family = forbidden.forType(name).filter(found -> !policy.namesPackage(name));
            } else {
                family = forbidden.forType(name).filter(found -> !policy.allowsType(name));
            }
            family.ifPresent(found -> add(declaration, "imports " + name + (declaration.isAsterisk() ? ".*" : ""),
                    found, TYPE, ""));
        }

        /** Only names of the JDK and of the named families are judged here; the rest is left to the bytecode check. */
        private boolean judged(String qualifiedName) {
            return !policy.isCourseType(qualifiedName)
                    && (JdkTypes.exists(qualifiedName) || forbidden.forType(qualifiedName).isPresent());
        }

        private void typeReference(Node node, String written, String verb) {
            scope.resolve(written).filter(type -> judged(type) && !policy.allowsType(type))
                    .ifPresent(type -> add(node, verb + " " + type, forbidden.familyOfType(type), TYPE, type));
        }

        private void call(MethodCallExpr call) {
            String name = call.getNameAsString();
            Optional<Expression> receiver = call.getScope();
            if (receiver.isPresent()) {
                member(call, receiverType(receiver.get()), name, "calls");
            } else {
                scope.staticOnDemandImports().forEach(owner -> memberOf(call, owner, name, "calls"));
            }
            forbidden.forMethodName(name).filter(family -> !policy.opens(family))
                    .ifPresent(family -> add(call, "calls " + name, family, CALL, ""));
        }

        /**
         * The receiver as a type name. A class literal or {@code getClass()} stands for {@code java.lang.Class}, and
         * {@code getRuntime()} for {@code java.lang.Runtime}, so that chained calls on them are judged by member.
         */
        private static String receiverType(Expression receiver) {
            if (receiver instanceof ClassExpr
                    || receiver instanceof MethodCallExpr call && call.getNameAsString().equals("getClass")) {
                return "java.lang.Class";
            }
            if (receiver instanceof MethodCallExpr call && call.getNameAsString().equals("getRuntime")) {
                return "java.lang.Runtime";
            }
            return CallSite.receiverText(receiver);
        }

        private void member(Node node, String receiver, String name, String verb) {
            scope.resolve(receiver).ifPresent(owner -> memberOf(node, owner, name, verb));
        }

        /**
         * A member of a resolved type; {@code java.lang.System.out} as a receiver is the field {@code out} of
         * {@code System} (what is called on the field's value has a type this rule cannot know).
         */
        private void memberOf(Node node, String owner, String name, String verb) {
            String[] segments = owner.split("\\.");
            for (int i = 1; i < segments.length; i++) {
                if (!segments[i].isEmpty() && !segments[i - 1].isEmpty() && Character.isLowerCase(segments[i].charAt(0))
                        && Character.isUpperCase(segments[i - 1].charAt(0))) {
                    String type = String.join(".", java.util.Arrays.copyOfRange(segments, 0, i));
                    memberOf(node, type, segments[i], "uses");
                    return;
                }
            }
            String member = name.equals("new") && node instanceof MethodReferenceExpr ? "<init>" : name;
            if (!judged(owner) || policy.allowsMember(owner, member)) {
                return;
            }
            String what = verb + " " + owner + (node instanceof MethodReferenceExpr ? "::" : ".") + name;
            ApiFamily family = forbidden.familyOfMember(owner, member, List.of());
            boolean specific = policy.allowsType(owner) || forbidden.forMember(owner, member).isPresent();
            add(node, what, family, specific ? MEMBER : CALL, owner);
        }

        private void creation(ObjectCreationExpr creation) {
            Optional<String> type = scope.resolve(creation.getType().getNameWithScope())
                    .or(() -> javaIo(creation.getType().getNameAsString()));
            if (type.isEmpty() || !judged(type.get()) || policy.allowsMember(type.get(), "<init>")) {
                return;
            }
            boolean fileName = creation.getArguments().isNonEmpty() && creation.getArgument(0) instanceof StringLiteralExpr;
            Optional<ApiFamily> opensFile = fileName ? forbidden.forConstructor(type.get(), List.of("java.lang.String"))
                    : Optional.empty();
            if (opensFile.isPresent()) {
                uses.add(new Use(creation, "creates a " + type.get() + " on a file name", opensFile.get(), MEMBER, type.get()));
            } else if (policy.allowsType(type.get())) {
                uses.add(new Use(creation, "creates a " + type.get(), forbidden.familyOfMember(type.get(), "<init>", List.of()),
                        MEMBER, type.get()));
            }
        }

        /** {@code PrintStream} and {@code PrintWriter} need no import when {@code java.io.*} is imported. */
        private Optional<String> javaIo(String simpleName) {
            return source.unit().getImports().stream().anyMatch(declaration -> declaration.isAsterisk()
                    && !declaration.isStatic() && declaration.getNameAsString().equals("java.io"))
                    ? Optional.of("java.io." + simpleName) : Optional.empty();
        }

        /** {@code java.io} in {@code java.io.File}: only the whole name is judged. */
        private static boolean isScopeOfType(ClassOrInterfaceType type) {
            return type.getParentNode().orElse(null) instanceof ClassOrInterfaceType outer
                    && outer.getScope().orElse(null) == type;
        }

        private static boolean isCallScope(FieldAccessExpr access) {
            Node parent = access.getParentNode().orElse(null);
            return parent instanceof MethodCallExpr call && call.getScope().orElse(null) == access
                    || parent instanceof FieldAccessExpr outer && outer.getScope() == access
                    || parent instanceof MethodReferenceExpr;
        }

        private void add(Node node, String what, ApiFamily family, int rank, String owner) {
            uses.add(new Use(node, what, family, rank, owner));
        }
    }
}
