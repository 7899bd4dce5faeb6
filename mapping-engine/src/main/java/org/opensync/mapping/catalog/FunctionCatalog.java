package org.opensync.mapping.catalog;

import java.util.List;
import org.opensync.mapping.expression.FunctionLibrary;
import org.opensync.mapping.expression.FunctionSpec;
import org.opensync.mapping.model.AttributeMappingFunctionSchema;
import org.opensync.mapping.model.AttributeMappingParameterSchema;

/**
 * The {@code functions} catalogue: every function the expression engine implements, derived from the engine's own
 * definitions so the catalogue cannot list what the parser rejects. Parameter names are GFUN's where documented
 * (e.g. Replace's {@code Find}, {@code Replacement}), FREF's otherwise. FormatDateTime is listed in its documented
 * form ({@code source}, {@code inputFormat}, {@code outputFormat}); the engine also takes {@code dateTimeStyles}
 * as a second argument when four are given.
 */
public final class FunctionCatalog {
    private static final List<AttributeMappingFunctionSchema> FUNCTIONS = FunctionLibrary.standard().functions()
            .stream().map(FunctionCatalog::schema).toList();

    private FunctionCatalog() {
    }

    public static List<AttributeMappingFunctionSchema> functions() {
        return FUNCTIONS;
    }

    private static AttributeMappingFunctionSchema schema(FunctionSpec function) {
        List<AttributeMappingParameterSchema> parameters = function.advertisedParameters().stream()
                .map(p -> new AttributeMappingParameterSchema(p.repeating(), p.name(), p.required(), p.type()))
                .toList();
        return new AttributeMappingFunctionSchema(function.name(), function.name(), parameters);
    }
}
