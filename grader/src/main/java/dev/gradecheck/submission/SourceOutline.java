package dev.gradecheck.submission;

import java.util.List;

/**
 * What a cheap lexical scan of a Java source found: its package and top-level types, and how complex its deepest
 * construct is. Works on any text, including files that do not compile.
 *
 * @param packageName the declared package, empty for the default package
 * @param typeNames the top-level classes, interfaces, enums, records and annotation types, in file order
 * @param deepestNesting the deepest nesting of {@code ( [ {}, and the line where it is reached
 * @param longestChain the most operators, dots and brackets chained in one expression (counted between {@code ;},
 *     {@code ,}, <code>{</code> and <code>}</code>), and the line where that chain ends
 */
record SourceOutline(String packageName, List<String> typeNames, Extent deepestNesting, Extent longestChain) {

    /** A measure and the 1-based line where it is reached. */
    record Extent(int size, int line) {

        static final Extent NONE = new Extent(0, 0);

        Extent max(int otherSize, int otherLine) {
            return otherSize > size ? new Extent(otherSize, otherLine) : this;
        }
    }

    SourceOutline {
        typeNames = List.copyOf(typeNames);
    }

    /** The fully qualified names of the top-level types, e.g. {@code backprop.mlp.Mlp}. */
    List<String> qualifiedTypeNames() {
        return typeNames.stream().map(type -> packageName.isEmpty() ? type : packageName + "." + type).toList();
    }
}
