package dev.gradecheck.structure;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.gradecheck.api.Finding;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code forbidden-calls}: the named method ({@code backprop.mlp.Mlp#backward}, every overload) must not call the
 * listed methods, directly or through other methods of its class that it calls (a private helper does not hide a
 * call). Calls are matched by name, through static imports too, and method references count as calls. One finding
 * per forbidden call name, at its first place, counting the others.
 */
final class ForbiddenCallsRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        StructureRule rule = context.rule();
        String method = rule.method();
        String className = method.substring(0, method.indexOf('#'));
        String methodName = method.substring(method.indexOf('#') + 1);
        List<CallPattern> patterns = rule.calls().stream().map(CallPattern::parse).toList();
        List<Finding> findings = new ArrayList<>();
        for (ParsedSource source : context.sources()) {
            typeOf(source, className).ifPresent(type ->
                    findings.addAll(new Search(rule, source, type, methodName, patterns).findings()));
        }
        return findings;
    }

    private static Optional<TypeDeclaration<?>> typeOf(ParsedSource source, String className) {
        int dot = className.lastIndexOf('.');
        String packageName = dot < 0 ? "" : className.substring(0, dot);
        return source.packageName().equals(packageName)
                ? source.topLevelType(className.substring(dot + 1)) : Optional.empty();
    }

    /** A forbidden call, and the chain of the class's own methods through which the checked method reaches it. */
    private record Hit(CallSite site, String through) {
    }

    /** A method of the class still to search, and the chain through which the checked method reaches it. */
    private record Pending(MethodDeclaration method, String through) {
    }

    /** Walks the checked method and the class methods it calls. */
    private static final class Search {

        private final StructureRule rule;
        private final ParsedSource source;
        private final TypeDeclaration<?> type;
        private final String methodName;
        private final List<CallPattern> patterns;
        private final Set<MethodDeclaration> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<String, List<Hit>> hitsByCall = new LinkedHashMap<>();

        Search(StructureRule rule, ParsedSource source, TypeDeclaration<?> type, String methodName,
               List<CallPattern> patterns) {
            this.rule = rule;
            this.source = source;
            this.type = type;
            this.methodName = methodName;
            this.patterns = patterns;
        }

        List<Finding> findings() {
            Deque<Pending> queue = new ArrayDeque<>();
            type.getMethodsByName(methodName).forEach(method -> enqueue(queue, method, ""));
            while (!queue.isEmpty()) {
                Pending next = queue.poll();
                next.method().getBody()
                        .ifPresent(body -> CallSite.in(body).forEach(site -> visit(queue, site, next.through())));
            }
            List<Finding> findings = new ArrayList<>();
            hitsByCall.forEach((call, hits) -> findings.add(finding(call, hits)));
            return findings;
        }

        private void enqueue(Deque<Pending> queue, MethodDeclaration method, String through) {
            if (visited.add(method)) {
                queue.add(new Pending(method, through));
            }
        }

        private void visit(Deque<Pending> queue, CallSite site, String through) {
            for (CallPattern pattern : patterns) {
                if (matches(pattern, site)) {
                    String call = site.name().equals("new") ? "new " + site.receiver() : site.name();
                    hitsByCall.computeIfAbsent(call, key -> new ArrayList<>()).add(new Hit(site, through));
                    return;
                }
            }
            if (site.onThis()) {
                String chain = through.isEmpty() ? site.name() : through + " → " + site.name();
                type.getMethodsByName(site.name()).forEach(method -> enqueue(queue, method, chain));
            }
        }

        private boolean matches(CallPattern pattern, CallSite site) {
            if (!pattern.hasType()) {
                return !site.name().equals("new") && pattern.coversMethod(site.name());
            }
            if (site.name().equals("new")) {
                return pattern.methodName().equals("*") && pattern.isType(site.receiver());
            }
            if (!site.receiver().isEmpty()) {
                return pattern.isType(site.receiver()) && pattern.coversMethod(site.name());
            }
            return pattern.coversMethod(site.name()) && staticallyImported(pattern, site.name());
        }

        /** An unqualified call reaching the pattern's type through {@code import static}. */
        private boolean staticallyImported(CallPattern pattern, String name) {
            for (ImportDeclaration declaration : source.unit().getImports()) {
                if (!declaration.isStatic()) {
                    continue;
                }
                String imported = declaration.getNameAsString();
                if (declaration.isAsterisk() ? pattern.isType(imported) && type.getMethodsByName(name).isEmpty()
                        : imported.endsWith("." + name) && pattern.isType(imported.substring(0, imported.lastIndexOf('.')))) {
                    return true;
                }
            }
            return false;
        }

        private Finding finding(String call, List<Hit> hits) {
            Hit first = hits.get(0);
            String through = first.through().isEmpty() ? "" : " through `" + first.through() + "`";
            String more = hits.size() == 1 ? "" : " (" + hits.size() + " calls)";
            String message = source.prefix(first.site().node()) + ": " + methodName + " calls `" + call + "`" + through
                    + more + ", which " + rule.method() + " must not call";
            return rule.finding(source.locationOf(first.site().node()), message,
                    "Remove the call: `" + methodName + "` must work from the values it is given.");
        }
    }
}
