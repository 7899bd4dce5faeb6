package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** A parsed SCIM filter (RFC 7644 §3.4.2.2), evaluated against a resource or a multi-valued element. */
sealed interface Filter {

    boolean matches(JsonNode node, AttributeScope scope);

    enum Operator {
        EQ, NE, CO, SW, EW, GT, GE, LT, LE;

        static Operator parse(String word) {
            try {
                return valueOf(word.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** {@code attrPath op value}. A complex attribute without a sub-attribute compares its "value" sub-attribute. */
    record Comparison(AttributePath path, Operator operator, JsonNode literal) implements Filter {

        @Override
        public boolean matches(JsonNode node, AttributeScope scope) {
            AttributePath effective = comparedPath(node, scope);
            JsonNode actual = scope.value(node, effective);
            if (literal.isNull()) {
                boolean absent = ScimJson.flatten(actual).isEmpty();
                return operator == Operator.NE ? !absent : operator == Operator.EQ && absent;
            }
            boolean caseExact = scope.caseExact(effective);
            if (operator == Operator.NE) {
                return ScimJson.flatten(actual).stream().noneMatch(v -> compare(v, Operator.EQ, caseExact));
            }
            return ScimJson.flatten(actual).stream().anyMatch(v -> compare(v, operator, caseExact));
        }

        private AttributePath comparedPath(JsonNode node, AttributeScope scope) {
            if (path.subAttribute() != null) {
                return path;
            }
            AttributeDefinition definition = scope.definition(path);
            boolean complex = definition != null ? definition.isComplex()
                    : ScimJson.flatten(scope.value(node, path)).stream().anyMatch(JsonNode::isObject);
            return complex ? path.withSubAttribute("value") : path;
        }

        private boolean compare(JsonNode actual, Operator op, boolean caseExact) {
            if (actual.isNumber() && literal.isNumber()) {
                return ordered(op, actual.decimalValue().compareTo(literal.decimalValue()));
            }
            if (actual.isBoolean() && literal.isBoolean()) {
                return op == Operator.EQ && actual.booleanValue() == literal.booleanValue();
            }
            // Mixed types compare as text, so "True" stored by a lenient client still equals the literal true.
            String left = caseExact ? actual.asText() : actual.asText().toLowerCase(Locale.ROOT);
            String right = caseExact ? literal.asText() : literal.asText().toLowerCase(Locale.ROOT);
            return switch (op) {
                case EQ -> left.equals(right);
                case CO -> left.contains(right);
                case SW -> left.startsWith(right);
                case EW -> left.endsWith(right);
                default -> ordered(op, left.compareTo(right));
            };
        }

        /** Numbers compare by value (1.0 eq 1); strings lexically, which orders ISO-8601 timestamps correctly. */
        private static boolean ordered(Operator op, int comparison) {
            return switch (op) {
                case EQ -> comparison == 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                default -> false;
            };
        }
    }

    /** {@code attrPath pr}: a non-empty value (RFC 7644 §3.4.2.2). */
    record Present(AttributePath path) implements Filter {

        @Override
        public boolean matches(JsonNode node, AttributeScope scope) {
            return ScimJson.flatten(scope.value(node, path)).stream().anyMatch(Present::nonEmpty);
        }

        private static boolean nonEmpty(JsonNode value) {
            return !(value.isTextual() && value.asText().isEmpty()) && !(value.isContainerNode() && value.isEmpty());
        }
    }

    record And(Filter left, Filter right) implements Filter {

        @Override
        public boolean matches(JsonNode node, AttributeScope scope) {
            return left.matches(node, scope) && right.matches(node, scope);
        }
    }

    record Or(Filter left, Filter right) implements Filter {

        @Override
        public boolean matches(JsonNode node, AttributeScope scope) {
            return left.matches(node, scope) || right.matches(node, scope);
        }
    }

    record Not(Filter inner) implements Filter {

        @Override
        public boolean matches(JsonNode node, AttributeScope scope) {
            return !inner.matches(node, scope);
        }
    }

    /** {@code emails[type eq "work"]}: some element of the multi-valued attribute matches the inner filter. */
    record ValuePath(AttributePath path, Filter inner) implements Filter {

        @Override
        public boolean matches(JsonNode node, AttributeScope scope) {
            AttributeScope elements = scope.within(scope.definition(path));
            return ScimJson.flatten(scope.value(node, path)).stream()
                    .anyMatch(element -> element.isObject() && inner.matches(element, elements));
        }
    }
}
