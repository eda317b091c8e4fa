package dev.gradecheck.structure;

import java.util.List;

/**
 * What a rule looks at.
 *
 * @param rule the manifest's declaration: severity, points, parameters, hint
 * @param sources the exercise's sources that could be parsed, sorted by declared path
 * @param api the template's required API
 * @param forbidden the forbidden API families
 */
record RuleContext(StructureRule rule, List<ParsedSource> sources, ApiCatalog api, ForbiddenApi forbidden) {

    RuleContext {
        sources = List.copyOf(sources);
    }
}
