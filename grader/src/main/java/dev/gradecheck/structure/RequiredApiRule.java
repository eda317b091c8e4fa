package dev.gradecheck.structure;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.gradecheck.api.Finding;
import dev.gradecheck.submission.SimilarNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code required-api}: every student file declares the template's type, in the template's package, of the same kind
 * and visibility, with every
 * public constructor, method, field and enum constant of the template's stub — same name, parameter types, return
 * type, public, static or not. A method the template marks {@code @Override} is satisfied by keeping the template's
 * supertypes (it may then be inherited, or implemented in each enum constant's body; javac checks it). A member that
 * is not there gets a did-you-mean hint: the same signature with another return type or modifier, the same name with
 * other parameters, the name in another case, or a typo.
 */
final class RequiredApiRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (ParsedSource source : context.sources()) {
            context.api().required(source.source().declaredPath()).ifPresent(required -> {
                packageOf(context.rule(), source, required.packageName()).ifPresent(findings::add);
                findings.addAll(checkFile(context.rule(), source, required.type()));
            });
        }
        return findings;
    }

    private static List<Finding> checkFile(StructureRule rule, ParsedSource source, ApiType required) {
        Optional<TypeDeclaration<?>> declared = source.topLevelType(required.name());
        if (declared.isEmpty()) {
            return List.of(missingType(rule, source, required));
        }
        ApiType actual = ApiType.of(declared.get());
        List<Finding> findings = new ArrayList<>(checkKind(rule, source, declared.get(), required, actual));
        Set<String> requiredNames = required.members().stream().map(ApiMember::name).collect(Collectors.toSet());
        for (ApiMember member : required.members()) {
            if (member.overrides() && actual.keepsSupertypesOf(required)) {
                continue;
            }
            if (actual.members().stream().noneMatch(candidate -> candidate.satisfies(member))) {
                findings.add(new MemberProblem(rule, source, declared.get(), required, actual, requiredNames)
                        .finding(member));
            }
        }
        return findings;
    }

    private static Optional<Finding> packageOf(StructureRule rule, ParsedSource source, String required) {
        if (source.packageName().equals(required)) {
            return Optional.empty();
        }
        Node where = source.unit().getPackageDeclaration().map(declaration -> (Node) declaration).orElse(source.unit());
        String declared = source.packageName().isEmpty() ? "no package" : "package " + source.packageName();
        return Optional.of(rule.finding(source.locationOf(where), source.prefix(where) + ": declares " + declared
                + " but the template's file is in package " + required,
                "Change the package line to `package " + required + ";`."));
    }

    private static Finding missingType(StructureRule rule, ParsedSource source, ApiType required) {
        List<String> names = source.unit().getTypes().stream().map(type -> type.getNameAsString()).toList();
        String hint = SimilarNames.closest(required.name(), names)
                .map(similar -> "Did you mean `" + similar + "`? Rename it to " + required.name() + ".")
                .orElse("Declare `public " + required.kind() + " " + required.name() + "` as in the template.");
        return rule.finding(source.locationOf(source.unit()), source.source().fileName() + ": declares no "
                + required.kind() + " " + required.name(), hint);
    }

    private static List<Finding> checkKind(StructureRule rule, ParsedSource source, TypeDeclaration<?> declared,
                                           ApiType required, ApiType actual) {
        List<Finding> findings = new ArrayList<>();
        String prefix = source.prefix(declared.getName());
        if (!actual.kind().equals(required.kind())) {
            findings.add(rule.finding(source.locationOf(declared.getName()), prefix + ": " + required.name() + " is "
                    + article(actual.kind()) + " but the template declares " + article(required.kind()),
                    "Declare it as `" + required.kind() + " " + required.name() + "`, as in the template."));
        }
        for (String supertype : required.supertypes()) {
            if (!actual.supertypes().contains(supertype)) {
                findings.add(rule.finding(source.locationOf(declared.getName()), prefix + ": " + required.kind() + " "
                        + required.name() + " does not extend or implement " + supertype + ", unlike the template's",
                        "Keep `" + supertype + "` in its declaration, as in the template."));
            }
        }
        if (required.isPublic() && !actual.isPublic()) {
            findings.add(rule.finding(source.locationOf(declared.getName()), prefix + ": " + required.kind() + " "
                    + required.name() + " must be public, as in the template", "Add `public` to its declaration."));
        }
        return findings;
    }

    private static String article(String kind) {
        return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }
}
