package org.opensync.mapping.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.opensync.mapping.model.AttributeType;

/**
 * A function of the expression language: its name (case-sensitive), parameters in positional order with their
 * mapping-source-tree keys, argument layout and implementation. The function catalogue is derived from these, so the
 * parser, the tree conversion and the published catalogue cannot disagree.
 */
public final class FunctionSpec {
    private final String name;
    private final List<ParameterSpec> parameters;
    private final ArgumentLayout layout;
    private final int minimumArguments;
    private final UnaryOperator<List<Expr>> normalizer;
    private final FunctionBinder binder;
    private final List<ParameterSpec> advertised;

    private FunctionSpec(Builder builder, FunctionBinder binder) {
        this.name = builder.name;
        this.parameters = List.copyOf(builder.parameters);
        this.layout = builder.layout;
        this.normalizer = builder.normalizer;
        this.binder = binder;
        this.advertised = builder.advertised == null ? parameters
                : parameters.stream().filter(p -> builder.advertised.contains(p.name())).toList();
        this.minimumArguments = builder.minimumArguments >= 0 ? builder.minimumArguments : defaultMinimum();
    }

    static Builder define(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public List<ParameterSpec> parameters() {
        return parameters;
    }

    /**
     * The parameters the {@code functions} catalogue lists: all of them, unless the documented call form is one the
     * engine accepts as an alternative (FormatDateTime's three-argument form).
     */
    public List<ParameterSpec> advertisedParameters() {
        return advertised;
    }

    public int minimumArguments() {
        return minimumArguments;
    }

    /** {@link Integer#MAX_VALUE} when a parameter repeats. */
    public int maximumArguments() {
        return layout == ArgumentLayout.FIXED ? parameters.size() : Integer.MAX_VALUE;
    }

    ArgumentLayout layout() {
        return layout;
    }

    List<Expr> normalize(List<Expr> arguments) {
        return layout.pad(this, normalizer.apply(arguments));
    }

    FunctionBody bind(List<Expr> arguments) {
        return binder.bind(arguments);
    }

    String signature() {
        StringBuilder text = new StringBuilder(name).append('(');
        for (int i = 0; i < parameters.size(); i++) {
            ParameterSpec parameter = parameters.get(i);
            text.append(i == 0 ? "" : ", ").append(parameter.name());
            text.append(parameter.repeating() ? "…" : "").append(parameter.required() ? "" : "?");
        }
        return text.append(')').toString();
    }

    private int defaultMinimum() {
        if (layout == ArgumentLayout.SOURCES_THEN_DEFAULT) {
            return 1;
        }
        int minimum = 0;
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).required()) {
                minimum = i + 1;
            }
        }
        return minimum;
    }

    @Override
    public String toString() {
        return signature();
    }

    static final class Builder {
        private final String name;
        private final List<ParameterSpec> parameters = new ArrayList<>();
        private ArgumentLayout layout = ArgumentLayout.FIXED;
        private int minimumArguments = -1;
        private UnaryOperator<List<Expr>> normalizer = UnaryOperator.identity();
        private List<String> advertised;

        private Builder(String name) {
            this.name = name;
        }

        Builder required(String parameter) {
            return required(parameter, AttributeType.String);
        }

        Builder optional(String parameter) {
            return optional(parameter, AttributeType.String);
        }

        Builder required(String parameter, AttributeType type) {
            parameters.add(new ParameterSpec(parameter, type, true, false));
            return this;
        }

        Builder optional(String parameter, AttributeType type) {
            parameters.add(new ParameterSpec(parameter, type, false, false));
            return this;
        }

        /** A last parameter that may occur any number of times; {@code required}: at least once. */
        Builder repeating(String parameter, AttributeType type, boolean required) {
            parameters.add(new ParameterSpec(parameter, type, required, true));
            layout = ArgumentLayout.TRAILING_REPEAT;
            return this;
        }

        Builder sourcesThenDefault() {
            layout = ArgumentLayout.SOURCES_THEN_DEFAULT;
            return this;
        }

        Builder minimumArguments(int minimum) {
            this.minimumArguments = minimum;
            return this;
        }

        /** Rewrites an alternative call form to the canonical one before padding (legacy FormatDateTime). */
        Builder normalizer(UnaryOperator<List<Expr>> rewrite) {
            this.normalizer = rewrite;
            return this;
        }

        /** Lists only these parameters in the catalogue: the documented form of a function with several. */
        Builder advertised(String... parameterNames) {
            this.advertised = List.of(parameterNames);
            return this;
        }

        FunctionSpec body(FunctionBody body) {
            return new FunctionSpec(this, arguments -> body);
        }

        FunctionSpec binder(FunctionBinder functionBinder) {
            return new FunctionSpec(this, functionBinder);
        }
    }
}
