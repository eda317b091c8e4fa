package dev.gradecheck.structure;

import dev.gradecheck.api.Finding;
import java.util.List;

/** One structure rule. Implementations are stateless and thread-safe, and never throw for anything a source holds. */
interface Rule {

    /** The findings of the rule over the context's parsed sources, in any order (the checker sorts and caps them). */
    List<Finding> check(RuleContext context);

    /**
     * Whether what this rule finds at severity zero keeps the exercise's hidden tests from running (a refused API):
     * the checker marks those findings {@link Finding#blocksTests()}. False unless a rule says otherwise.
     */
    default boolean blocksTests() {
        return false;
    }
}
