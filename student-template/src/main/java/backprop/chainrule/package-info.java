/**
 * Exercise {@code chain-rule} (10 points): derivatives of composite scalar functions by the chain rule and a
 * central-difference check. Student file: {@code ChainRule}.
 */
package backprop.chainrule;
