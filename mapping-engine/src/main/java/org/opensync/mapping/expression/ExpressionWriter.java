package org.opensync.mapping.expression;

import java.util.List;

/**
 * Renders a syntax tree as canonical expression text: arguments separated by {@code ", "}, empty arguments as
 * nothing ({@code Replace([mail], "@", , , "_", , )}), binary operators surrounded by single spaces, and parentheses
 * only where the grammar needs them. Parsing the output yields the same tree.
 */
final class ExpressionWriter {
    private ExpressionWriter() {
    }

    static String write(Expr expression) {
        StringBuilder text = new StringBuilder();
        write(expression, text);
        return text.toString();
    }

    private static void write(Expr expression, StringBuilder text) {
        if (expression instanceof Expr.Attribute attribute) {
            text.append('[').append(attribute.name()).append(']');
        } else if (expression instanceof Expr.Text literal) {
            quote(literal.value(), text);
        } else if (expression instanceof Expr.Number number) {
            text.append(number.text());
        } else if (expression instanceof Expr.Word word) {
            text.append(word.keyword().name());
        } else if (expression instanceof Expr.Call call) {
            call(call, text);
        } else if (expression instanceof Expr.Compare compare) {
            operand(compare.left(), compare.left() instanceof Expr.Compare, text);
            text.append(' ').append(compare.operator().symbol()).append(' ');
            operand(compare.right(), compare.right() instanceof Expr.Compare, text);
        } else if (expression instanceof Expr.Concat concat) {
            List<Expr> parts = concat.parts();
            for (int i = 0; i < parts.size(); i++) {
                Expr part = parts.get(i);
                text.append(i == 0 ? "" : " & ");
                operand(part, part instanceof Expr.Compare || part instanceof Expr.Concat, text);
            }
        }
        // Expr.Omitted: an empty argument is written as nothing between its commas
    }

    private static void call(Expr.Call call, StringBuilder text) {
        text.append(call.function().name()).append('(');
        List<Expr> arguments = call.arguments();
        for (int i = 0; i < arguments.size(); i++) {
            text.append(i == 0 ? "" : ", ");
            write(arguments.get(i), text);
        }
        text.append(')');
    }

    private static void operand(Expr operand, boolean parenthesise, StringBuilder text) {
        text.append(parenthesise ? "(" : "");
        write(operand, text);
        text.append(parenthesise ? ")" : "");
    }

    private static void quote(String value, StringBuilder text) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                text.append('\\');
            }
            text.append(c);
        }
        text.append('"');
    }
}
