package org.opensync.mapping.expression;

import org.opensync.mapping.value.AttributeKey;
import org.opensync.mapping.value.BooleanValue;
import org.opensync.mapping.value.Value;

/** Executable form of an expression: built once from the syntax tree, evaluated per object without re-parsing. */
abstract class Node {
    abstract Value evaluate(EvaluationContext context) throws EvaluationSignal;

    static final class Constant extends Node {
        final Value value;

        Constant(Value value) {
            this.value = value;
        }

        @Override
        Value evaluate(EvaluationContext context) {
            return value;
        }
    }

    static final class AttributeRead extends Node {
        private final AttributeKey key;

        AttributeRead(String name) {
            this.key = AttributeKey.of(name);
        }

        @Override
        Value evaluate(EvaluationContext context) {
            return context.source().get(key);
        }
    }

    static final class Signal extends Node {
        private final FlowControlSignal signal;

        Signal(FlowControlSignal signal) {
            this.signal = signal;
        }

        @Override
        Value evaluate(EvaluationContext context) throws FlowControlSignal {
            throw signal;
        }
    }

    static final class Comparison extends Node {
        private final Node left;
        private final ComparisonOperator operator;
        private final Node right;

        Comparison(Node left, ComparisonOperator operator, Node right) {
            this.left = left;
            this.operator = operator;
            this.right = right;
        }

        @Override
        Value evaluate(EvaluationContext context) throws EvaluationSignal {
            Value a = left.evaluate(context);
            Value b = right.evaluate(context);
            return BooleanValue.of(operator.holds(ValueComparison.compare(a, b, operator.symbol())));
        }
    }

    static final class Concatenation extends Node {
        private static final String OPERATOR = "&";
        private final Node[] parts;

        Concatenation(Node[] parts) {
            this.parts = parts;
        }

        @Override
        Value evaluate(EvaluationContext context) throws EvaluationSignal {
            StringBuilder text = new StringBuilder();
            for (Node part : parts) {
                String piece = Coercions.text(part.evaluate(context), OPERATOR, "operand");
                if (piece != null) {
                    context.requireLength((long) text.length() + piece.length(), OPERATOR);
                    text.append(piece);
                }
            }
            Value result = Value.text(text.toString());
            context.charge(result, OPERATOR);
            return result;
        }
    }
}
