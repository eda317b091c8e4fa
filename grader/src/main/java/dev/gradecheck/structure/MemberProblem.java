package dev.gradecheck.structure;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.gradecheck.api.Finding;
import dev.gradecheck.submission.SimilarNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Explains why a student's type does not satisfy one required member, closest explanation first: the same signature
 * with another return type or modifier; the same name with other parameters; the name in another case or misspelt
 * (did you mean); else simply missing.
 */
final class MemberProblem {

    private final StructureRule rule;
    private final ParsedSource source;
    private final TypeDeclaration<?> declared;
    private final ApiType required;
    private final ApiType actual;
    private final Set<String> requiredNames;

    MemberProblem(StructureRule rule, ParsedSource source, TypeDeclaration<?> declared, ApiType required, ApiType actual,
                  Set<String> requiredNames) {
        this.rule = rule;
        this.source = source;
        this.declared = declared;
        this.required = required;
        this.actual = actual;
        this.requiredNames = requiredNames;
    }

    /** The finding for the unsatisfied {@code member}. */
    Finding finding(ApiMember member) {
        return differentModifiers(member)
                .or(() -> differentParameters(member))
                .or(() -> similarName(member))
                .orElseGet(() -> missing(member));
    }

    private Optional<Finding> differentModifiers(ApiMember member) {
        return actual.members().stream().filter(candidate -> candidate.sameSignature(member)).findFirst()
                .map(candidate -> at(candidate.node(), member.kind().word + " `" + member.signature() + "` of "
                        + required.name() + " " + differences(candidate, member), keepSignature(member)));
    }

    private static String differences(ApiMember actual, ApiMember required) {
        List<String> differences = new ArrayList<>();
        if (!actual.returnType().equals(required.returnType())) {
            differences.add((required.kind() == ApiMember.Kind.FIELD ? "has type " : "returns ") + actual.returnType()
                    + " instead of " + required.returnType());
        }
        if (actual.isPublic() != required.isPublic()) {
            differences.add(required.isPublic() ? "is not public" : "is public");
        }
        if (actual.isStatic() != required.isStatic()) {
            differences.add(required.isStatic() ? "is not static" : "is static");
        }
        return String.join(" and ", differences);
    }

    private Optional<Finding> differentParameters(ApiMember member) {
        return actual.members().stream()
                .filter(candidate -> candidate.kind() == member.kind() && candidate.name().equals(member.name()))
                .findFirst()
                .map(candidate -> at(candidate.node(), member.kind().word + " `" + member.name() + "` of "
                        + required.name() + " takes " + candidate.parameters() + " but the template's takes "
                        + member.parameters(), keepSignature(member)));
    }

    private Optional<Finding> similarName(ApiMember member) {
        List<ApiMember> candidates = actual.members().stream()
                .filter(candidate -> candidate.kind() == member.kind() && !requiredNames.contains(candidate.name()))
                .toList();
        return SimilarNames.closest(member.name(), candidates.stream().map(ApiMember::name).toList())
                .flatMap(name -> candidates.stream().filter(candidate -> candidate.name().equals(name)).findFirst())
                .map(candidate -> at(candidate.node(), required.kind() + " " + required.name() + " has no "
                        + member.kind().word + " `" + member.signature() + "`; did you mean `" + candidate.name() + "`?",
                        "Rename `" + candidate.name() + "` to `" + member.name() + "`: names must match the template"
                                + (SimilarNames.differsOnlyInCase(member.name(), candidate.name())
                                        ? " exactly (Java names are case-sensitive)." : " exactly.")));
    }

    private Finding missing(ApiMember member) {
        return at(declared.getName(), required.kind() + " " + required.name() + " has no " + member.kind().word + " `"
                + member.signature() + "` — the hidden tests use it", "Add it with the template's declaration: `"
                + member.declaration() + "`.");
    }

    private static String keepSignature(ApiMember member) {
        return "Keep the template's declaration: `" + member.declaration() + "`.";
    }

    private Finding at(Node node, String message, String hint) {
        return rule.finding(source.locationOf(node), source.prefix(node) + ": " + message, hint);
    }
}
