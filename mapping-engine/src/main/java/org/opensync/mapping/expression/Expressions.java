package org.opensync.mapping.expression;

import java.util.Objects;
import org.opensync.mapping.model.AttributeMappingSource;
import org.opensync.mapping.model.ObjectDefinition;

/**
 * Entry point of the expression language. Parsing validates function names (case-sensitive), argument counts,
 * required and literal arguments, and — when a source object definition is given — attribute names, so that every
 * such mistake is reported before any object is processed.
 */
public final class Expressions {
    /** The documented length limit. */
    public static final int MAX_LENGTH = Parser.MAX_LENGTH;

    private Expressions() {
    }

    /** @throws ExpressionParseException with the 0-based position, the text found and what was expected */
    public static ParsedExpression parse(String text) {
        return parse(text, null);
    }

    /**
     * @param sourceDefinition the source object; when non-null, unknown attributes are errors
     * @throws ExpressionParseException with the 0-based position, the text found and what was expected
     */
    public static ParsedExpression parse(String text, ObjectDefinition sourceDefinition) {
        Objects.requireNonNull(text, "expression text");
        return new ParsedExpression(Parser.parse(text, FunctionLibrary.standard(), AttributeCheck.of(sourceDefinition)));
    }

    /**
     * Reads a Graph mapping source tree (see {@link MappingSourceTrees} for the representation).
     *
     * @throws InvalidExpressionException naming the JSON path of the offending node
     */
    public static ParsedExpression fromMappingSource(AttributeMappingSource source, ObjectDefinition sourceDefinition) {
        return new ParsedExpression(MappingSourceTrees.fromTree(source, FunctionLibrary.standard(),
                AttributeCheck.of(sourceDefinition)));
    }
}
