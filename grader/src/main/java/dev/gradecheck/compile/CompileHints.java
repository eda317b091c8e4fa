package dev.gradecheck.compile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Short human hints for javac's common errors, chosen by the diagnostic's code (stable across JDK versions, unlike
 * its wording), generic to every course; a course adds its own per code in {@code course.json} (which import its
 * classes need, say), shown after the generic hint. An unknown code gets only the course's hint, if any.
 */
final class CompileHints {

    private static final Map<String, String> BY_CODE = new LinkedHashMap<>();

    static {
        hint("Check the spelling and capitalisation of the name, that it is declared in scope, and that its class is"
                + " imported.",
                "compiler.err.cant.resolve", "compiler.err.cant.resolve.location", "compiler.err.cant.resolve.args",
                "compiler.err.cant.resolve.location.args");
        hint("The value's type does not fit where it is used: convert it (a cast or a method such as `Math.round`) or"
                + " change the variable's declared type.", "compiler.err.prob.found.req");
        hint("Every path through a method that returns a value must end in `return ...;` (or throw an exception),"
                + " including after loops and in every branch of an if/else.", "compiler.err.missing.ret.stmt");
        hint("Something is missing just before this point, usually a `;`, `)` or `}` at the end of the previous line.",
                "compiler.err.expected", "compiler.err.expected2", "compiler.err.expected3", "compiler.err.expected4");
        hint("A public class must be in a file with the same name: keep one public top-level class per file and name the"
                + " file after it.", "compiler.err.class.public.should.be.in.file");
        hint("Catch the checked exception with try/catch (the template's signatures must stay as they are, so do not add"
                + " a `throws` clause to them).", "compiler.err.unreported.exception.need.to.catch.or.throw");
        hint("The arguments do not match the method's parameters: check their number, order and types against its"
                + " declaration.", "compiler.err.cant.apply.symbol", "compiler.err.cant.apply.symbols");
        hint("The name is declared twice in the same scope: rename or remove one of the declarations.",
                "compiler.err.already.defined");
        hint("Assign the variable on every path before reading it (e.g. initialise it where it is declared).",
                "compiler.err.var.might.not.have.been.initialized");
        hint("The file ends too early: a closing `}` is missing; count the braces of your methods and class.",
                "compiler.err.premature.eof");
        hint("The code here is not a valid statement or expression: check for a missing `;`, an unbalanced bracket or a"
                + " stray character on this or the previous line.", "compiler.err.illegal.start.of.expr",
                "compiler.err.illegal.start.of.type", "compiler.err.not.stmt", "compiler.err.illegal.char");
        hint("This statement can never run (it follows a return, break, continue or throw): remove it or move it up.",
                "compiler.err.unreachable.stmt");
        hint("A static method cannot use instance fields or methods directly: call them on an object, or make the caller"
                + " an instance method.", "compiler.err.non-static.cant.be.ref");
        hint("Implement every abstract method of the interface or superclass, with exactly its signature.",
                "compiler.err.does.not.override.abstract");
        hint("A primitive value (double, int...) has no methods or fields: use it directly, or a method of `Math`.",
                "compiler.err.cant.deref");
        hint("The operator does not apply to these types: check both operands (an object needs a method, not an"
                + " operator such as `*`).", "compiler.err.operator.cant.be.applied", "compiler.err.operator.cant.be.applied.1");
        hint("That member is private to its class: use its public accessor methods instead.", "compiler.err.report.access");
        hint("The variable is final and already assigned: compute a new value in a new variable instead.",
                "compiler.err.cant.assign.val.to.var", "compiler.err.cant.assign.val.to.final.var");
    }

    private CompileHints() {
    }

    private static void hint(String text, String... codes) {
        for (String code : codes) {
            BY_CODE.put(code, text);
        }
    }

    /** The hint for javac's diagnostic {@code code}, or the empty string. */
    static String forCode(String code) {
        return code == null ? "" : BY_CODE.getOrDefault(code, "");
    }

    /** The generic hint for {@code code} followed by the course's own, if any; the empty string when neither has one. */
    static String forCode(String code, Map<String, String> courseHints) {
        String generic = forCode(code);
        String course = code == null ? "" : courseHints.getOrDefault(code, "");
        return generic.isEmpty() || course.isEmpty() ? generic + course : generic + " " + course;
    }
}
