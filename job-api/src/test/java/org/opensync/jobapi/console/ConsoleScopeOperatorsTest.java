package org.opensync.jobapi.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opensync.mapping.model.ScopeOperatorType;
import org.opensync.mapping.scoping.ScopeOperator;

/**
 * The scoping filter editor offers the operators the mapping engine evaluates: the console has no build step that
 * could read them from the engine, so this keeps its list ({@code console/js/scoping.js}) from drifting.
 */
class ConsoleScopeOperatorsTest {
    private static final Path SCOPING = Path.of("src/main/resources/META-INF/resources/console/js/scoping.js");
    private static final Pattern OPERATOR = Pattern.compile(
            "\\{ name: '([^']+)', unary: (true|false), documented: (true|false) }");

    @Test
    void theEditorOffersEachEngineOperatorWithItsArity() throws IOException {
        List<String> offered = OPERATOR.matcher(Files.readString(SCOPING)).results()
                .map(match -> match.group(1) + " unary=" + match.group(2) + " documented=" + match.group(3)).toList();
        List<String> evaluated = Arrays.stream(ScopeOperator.values()).map(op -> op.graphName() + " unary="
                + (op.arity() == ScopeOperatorType.Unary) + " documented=" + op.published()).toList();
        assertThat(offered).containsExactlyElementsOf(evaluated);
    }
}
