package dev.gradecheck.verify;

/** What a verification row graded. */
public enum Variant {
    /** The reference solutions: must score full marks, without any diagnosis. */
    SOLUTIONS,
    /** The untouched student template: must score 0, every test failing cleanly within its time limit. */
    TEMPLATE,
    /** A known-bug variant: must lose points on its exercise only, and be diagnosed with its code. */
    KNOWN_BUG
}
