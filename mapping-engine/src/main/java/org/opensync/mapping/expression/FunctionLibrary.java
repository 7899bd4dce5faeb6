package org.opensync.mapping.expression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every function of the expression language (Entra's function reference and this project's additions), in
 * alphabetical order. Names are case-sensitive, as the language is.
 */
public final class FunctionLibrary {
    static final String SELECT_UNIQUE_VALUE = "SelectUniqueValue";
    private static final FunctionLibrary STANDARD = new FunctionLibrary();

    private final Map<String, FunctionSpec> byName = new LinkedHashMap<>();

    private FunctionLibrary() {
        List<FunctionSpec> all = new ArrayList<>();
        all.addAll(TextFunctions.functions());
        all.addAll(LogicFunctions.functions());
        all.addAll(CollectionFunctions.functions());
        all.addAll(DateFunctions.functions());
        all.addAll(EncodingFunctions.functions());
        all.addAll(RoleFunctions.functions());
        all.addAll(GeneratorFunctions.functions());
        all.add(ReplaceFunction.spec());
        all.sort(Comparator.comparing(FunctionSpec::name, String.CASE_INSENSITIVE_ORDER));
        all.forEach(function -> byName.put(function.name(), function));
    }

    public static FunctionLibrary standard() {
        return STANDARD;
    }

    public List<FunctionSpec> functions() {
        return List.copyOf(byName.values());
    }

    public Optional<FunctionSpec> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** What to tell someone who wrote an unknown function name. */
    String suggestion(String name) {
        return byName.keySet().stream().filter(known -> known.equalsIgnoreCase(name)).findFirst()
                .map(known -> "a known function (names are case-sensitive: did you mean " + known + "?)")
                .orElse("a known function such as " + String.join(", ", List.copyOf(byName.keySet()).subList(0, 6))
                        + "…");
    }
}
