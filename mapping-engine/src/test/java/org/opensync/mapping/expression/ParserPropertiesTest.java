package org.opensync.mapping.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.opensync.mapping.model.AttributeMappingSource;
import org.opensync.mapping.value.ObjectImage;

/**
 * Property-based checks of the parser and evaluator: arbitrary input never escapes as an unexpected exception, and
 * generated valid expressions survive every representation change. Tries are bounded to keep the suite fast.
 */
class ParserPropertiesTest {
    private static final List<String> TOKENS = List.of("Join(", "Switch (", "IIF(", "Mid(", "Replace(", "ToLower(",
            "SelectUniqueValue(", "[a]", "[", "]", "\"", "\"x\"", "\\", "\\\"", ",", ", ", ")", "(", "&", "&H", "&HF",
            "=", "<>", ">=", "<", "-", "-1", "12", "99999999999999999999", " ", "\t", "vbTextCompare",
            "IgnoreAttributeFlow", "Now()", "é", "\u0000");

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> characters = Arbitraries.strings().withChars("[]\"\\(),&=<>-Hh JoinSwtchIF0123456789\t.")
                .ofMaxLength(60);
        Arbitrary<String> tokens = Arbitraries.of(TOKENS).list().ofMaxSize(25).map(parts -> String.join("", parts));
        return Arbitraries.oneOf(characters, tokens, Arbitraries.strings().ofMaxLength(40));
    }

    @Property(tries = 1500)
    void parsingArbitraryTextYieldsAnExpressionOrAParseError(@ForAll("noise") String text) {
        try {
            ParsedExpression parsed = Expressions.parse(text);
            assertThat(Expressions.parse(parsed.text())).isEqualTo(parsed);
        } catch (InvalidExpressionException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 400)
    void generatedExpressionsRoundTripThroughTextAndTree(@ForAll long seed) {
        ParsedExpression parsed = RandomExpressions.parseable(new Random(seed));

        AttributeMappingSource tree = parsed.toMappingSource();
        ParsedExpression fromTree = Expressions.fromMappingSource(tree, null);

        assertThat(fromTree).isEqualTo(parsed);
        assertThat(fromTree.text()).isEqualTo(parsed.text());
        assertThat(Expressions.parse(fromTree.text()).toMappingSource()).isEqualTo(tree);
    }

    @Property(tries = 400)
    void evaluatingGeneratedExpressionsYieldsAnOutcome(@ForAll long seed) {
        Random random = new Random(seed);
        ParsedExpression parsed = RandomExpressions.parseable(random);
        ObjectImage source = RandomExpressions.image(random);

        assertThat(parsed.evaluate(source, ExpressionCases.environment())).isNotNull();
    }
}
