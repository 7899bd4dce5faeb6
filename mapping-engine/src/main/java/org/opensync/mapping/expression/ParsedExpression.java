package org.opensync.mapping.expression;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.opensync.mapping.model.AttributeMappingSource;
import org.opensync.mapping.value.ObjectImage;
import org.opensync.mapping.value.Value;

/**
 * A validated expression, compiled for evaluation. Immutable and thread-safe: parse once, evaluate for every object.
 * Equality is by meaning (the syntax tree), so {@code ToLower([x])} equals {@code ToLower([x], )}.
 */
public final class ParsedExpression {
    private final Expr syntax;
    private final Node root;
    private final String text;
    private final Set<String> referencedAttributes;
    private final boolean redacts;

    ParsedExpression(Expr syntax) {
        this.syntax = syntax;
        this.root = Compiler.compile(syntax);
        this.text = ExpressionWriter.write(syntax);
        Set<String> attributes = new LinkedHashSet<>();
        Expr.collectAttributes(syntax, attributes);
        this.referencedAttributes = Collections.unmodifiableSet(attributes);
        this.redacts = Expr.calls(syntax, GeneratorFunctions.REDACT);
    }

    /** Canonical text: parsing it gives an equal expression. */
    public String text() {
        return text;
    }

    /**
     * The Graph tree form, with each node's canonical text in {@code expression}. Comparisons and {@code &}, which
     * Graph has no node type for, become {@code Function} nodes named by their operator symbol ({@code =},
     * {@code <>}, {@code >}, {@code >=}, {@code <}, {@code <=} with parameters {@code left}/{@code right};
     * {@code &} with repeated {@code source}); numbers and keywords are {@code Constant}s whose {@code expression}
     * is the bare literal. {@link Expressions#fromMappingSource} reads all of it back unchanged.
     */
    public AttributeMappingSource toMappingSource() {
        return MappingSourceTrees.toTree(syntax);
    }

    /** Source attribute names read by the expression, in order of first appearance. */
    public Set<String> referencedAttributes() {
        return referencedAttributes;
    }

    /**
     * Whether the expression calls {@code Redact} anywhere. Its values are then secrets wherever they appear
     * (logs, stored images), whether or not a given evaluation passed through the call.
     */
    public boolean redacts() {
        return redacts;
    }

    /** The attribute name when the whole expression is a direct attribute reference ({@code [mail]}). */
    public Optional<String> attributeName() {
        return syntax instanceof Expr.Attribute attribute ? Optional.of(attribute.name()) : Optional.empty();
    }

    /** The function name when the whole expression is a function call. */
    public Optional<String> topLevelFunction() {
        return syntax instanceof Expr.Call call ? Optional.of(call.function().name()) : Optional.empty();
    }

    /** Hot path: evaluates against the context's object without allocating beyond what the functions produce. */
    public Value evaluate(EvaluationContext context) throws EvaluationSignal {
        return root.evaluate(context);
    }

    public EvaluationOutcome evaluate(ObjectImage source, EvaluationEnvironment environment) {
        EvaluationContext context = new EvaluationContext(source, environment);
        try {
            return new EvaluationOutcome.Produced(root.evaluate(context), context.redacted());
        } catch (FlowControlSignal signal) {
            return new EvaluationOutcome.Ignored(signal);
        } catch (EvaluationException failure) {
            return new EvaluationOutcome.Failed(failure.getMessage());
        } catch (EvaluationSignal unexpected) {
            throw new IllegalStateException("unknown evaluation signal", unexpected);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParsedExpression parsed && parsed.syntax.equals(syntax);
    }

    @Override
    public int hashCode() {
        return syntax.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
