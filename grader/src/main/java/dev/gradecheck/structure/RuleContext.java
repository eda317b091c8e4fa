package dev.gradecheck.structure;

import dev.gradecheck.policy.ApiPolicy;
import dev.gradecheck.policy.ForbiddenApi;
import java.util.List;

/**
 * What a rule looks at.
 *
 * @param rule the manifest's declaration: severity, points, parameters, hint
 * @param sources the exercise's sources that could be parsed, sorted by declared path
 * @param api the template's required API
 * @param forbidden the named API families that word refusals
 * @param policy what the exercise allows
 */
record RuleContext(StructureRule rule, List<ParsedSource> sources, ApiCatalog api, ForbiddenApi forbidden,
                   ApiPolicy policy) {

    RuleContext {
        sources = List.copyOf(sources);
    }
}
