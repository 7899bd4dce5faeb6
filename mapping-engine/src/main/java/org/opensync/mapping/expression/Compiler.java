package org.opensync.mapping.expression;

import java.util.List;
import org.opensync.mapping.value.IntegerValue;
import org.opensync.mapping.value.TextValue;

/** Builds the executable node tree from a validated syntax tree, binding each call site once. */
final class Compiler {
    private Compiler() {
    }

    static Node compile(Expr expression) {
        if (expression instanceof Expr.Attribute attribute) {
            return new Node.AttributeRead(attribute.name());
        } else if (expression instanceof Expr.Text literal) {
            return new Node.Constant(new TextValue(literal.value()));
        } else if (expression instanceof Expr.Number number) {
            return new Node.Constant(new IntegerValue(number.value()));
        } else if (expression instanceof Expr.Word word) {
            return keyword(word.keyword());
        } else if (expression instanceof Expr.Call call) {
            return call(call);
        } else if (expression instanceof Expr.Compare compare) {
            return new Node.Comparison(compile(compare.left()), compare.operator(), compile(compare.right()));
        } else if (expression instanceof Expr.Concat concat) {
            return new Node.Concatenation(concat.parts().stream().map(Compiler::compile).toArray(Node[]::new));
        }
        throw new IllegalStateException("an empty argument is not an expression");
    }

    private static Node keyword(Keyword keyword) {
        return switch (keyword) {
            case IgnoreAttributeFlow -> new Node.Signal(FlowControlSignal.IGNORE_ATTRIBUTE);
            case IgnoreObjectFlow -> new Node.Signal(FlowControlSignal.IGNORE_OBJECT);
            default -> new Node.Constant(new TextValue(keyword.name()));
        };
    }

    private static Node call(Expr.Call call) {
        FunctionSpec function = call.function();
        List<Expr> arguments = call.arguments();
        Node[] nodes = new Node[arguments.size()];
        String[] parameterNames = new String[arguments.size()];
        for (int i = 0; i < nodes.length; i++) {
            Expr argument = arguments.get(i);
            nodes[i] = argument == Expr.Omitted.INSTANCE ? null : compile(argument);
            parameterNames[i] = function.layout().parameterAt(function, i, arguments).name();
        }
        return new CallNode(function, function.bind(arguments), nodes, parameterNames);
    }
}
