package dev.gradecheck.verify;

import org.apiguardian.api.API;

/** What a verification row graded. */
@API(status = API.Status.INTERNAL)
public enum Variant {
    /** The reference solutions: must score full marks, without any diagnosis. */
    SOLUTIONS,
    /** The untouched student template: must score 0, every test failing cleanly within its time limit. */
    TEMPLATE,
    /** A known-bug variant: must lose points on its exercise only, and be diagnosed with its code. */
    KNOWN_BUG
}
