package dev.gradecheck.structure;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A call (or method reference, or {@code new}) found in a method body.
 *
 * @param receiver the scope as dotted text when it is a name ({@code GradientCheck}, {@code backprop.x.Y},
 *     {@code this}); empty when the call is unqualified; {@code ?} when the scope is any other expression
 * @param name the method's name; {@code new} for a constructor call
 * @param node the call, for its position
 */
record CallSite(String receiver, String name, Node node) {

    /** Every call, method reference and instance creation inside {@code body}, in source order. */
    static List<CallSite> in(Node body) {
        List<CallSite> sites = new ArrayList<>();
        body.walk(node -> of(node).ifPresent(sites::add));
        return sites;
    }

    private static Optional<CallSite> of(Node node) {
        if (node instanceof MethodCallExpr call) {
            return Optional.of(new CallSite(call.getScope().map(CallSite::receiverText).orElse(""), call.getNameAsString(),
                    call));
        }
        if (node instanceof MethodReferenceExpr reference) {
            return Optional.of(new CallSite(receiverText(reference.getScope()), reference.getIdentifier(), reference));
        }
        if (node instanceof ObjectCreationExpr creation) {
            return Optional.of(new CallSite(creation.getType().getNameWithScope(), "new", creation));
        }
        return Optional.empty();
    }

    /** True for a call on the enclosing object: unqualified or on {@code this}. */
    boolean onThis() {
        return receiver.isEmpty() || receiver.equals("this");
    }

    /** The dotted text of a name expression ({@code a.b.C}), {@code this}, or {@code ?} for anything else. */
    static String receiverText(Expression scope) {
        if (scope instanceof NameExpr name) {
            return name.getNameAsString();
        }
        if (scope instanceof FieldAccessExpr access) {
            String outer = receiverText(access.getScope());
            return outer.equals("?") ? "?" : outer + "." + access.getNameAsString();
        }
        if (scope instanceof TypeExpr type) {
            return type.getType().asString();
        }
        return scope instanceof ThisExpr thisExpression && thisExpression.getTypeName().isEmpty() ? "this" : "?";
    }
}
