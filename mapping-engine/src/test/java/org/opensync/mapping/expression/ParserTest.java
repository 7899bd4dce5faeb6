package org.opensync.mapping.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensync.mapping.model.AttributeDefinition;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.model.ObjectDefinition;

class ParserTest {
    private static final ObjectDefinition USER = new ObjectDefinition(List.of(
            AttributeDefinition.of("userPrincipalName", AttributeType.String),
            AttributeDefinition.of("extension_abc_costCenter", AttributeType.String)), null, "User", null);

    static Stream<Arguments> canonicalForms() {
        return Stream.of(
                Arguments.of("Replace([mail], \"@\", , , \"_\", , )", "Replace([mail], \"@\", , , \"_\", , )"),
                Arguments.of("Replace([mail],\"@\",,,\"_\",,)", "Replace([mail], \"@\", , , \"_\", , )"),
                Arguments.of("Replace([mail], \"@\", , , \"_\")", "Replace([mail], \"@\", , , \"_\", , )"),
                Arguments.of("Switch ([Active], , \"1\", \"False\", \"0\", \"True\")",
                        "Switch([Active], , \"1\", \"False\", \"0\", \"True\")"),
                Arguments.of("ToLower(Mid([x],2,64), )", "ToLower(Mid([x], 2, 64), )"),
                Arguments.of("ToLower([x])", "ToLower([x], )"),
                Arguments.of("FormatDateTime([a], \"in\", \"out\")", "FormatDateTime([a], , \"in\", \"out\")"),
                Arguments.of("\"Company name: \\\"Contoso\\\"\"", "\"Company name: \\\"Contoso\\\"\""),
                Arguments.of("\"\\+(?<isdCode>49|44)\"", "\"\\\\+(?<isdCode>49|44)\""),
                Arguments.of("\"a\\\\b\"", "\"a\\\\b\""),
                Arguments.of("BitAnd(&HF, &hf7)", "BitAnd(&HF, &hf7)"),
                Arguments.of("Join(\"\", -10, 129699324000000000)", "Join(\"\", -10, 129699324000000000)"),
                Arguments.of("[first]&\" \"&[last]", "[first] & \" \" & [last]"),
                Arguments.of("IIF([a]=1,\"x\",\"y\")", "IIF([a] = 1, \"x\", \"y\")"),
                Arguments.of("IIF(([a]=1)=([b]<>2),1,0)", "IIF(([a] = 1) = ([b] <> 2), 1, 0)"),
                Arguments.of("\"a\" & (\"b\" & \"c\")", "\"a\" & (\"b\" & \"c\")"),
                Arguments.of("(([x]))", "[x]"),
                Arguments.of("[odd name (1)!]", "[odd name (1)!]"),
                Arguments.of("InStr(\"a\", \"b\", , vbTextCompare)", "InStr(\"a\", \"b\", , vbTextCompare)"),
                Arguments.of("Now( )", "Now()"),
                Arguments.of("  \n\t[x]  ", "[x]"),
                Arguments.of("IIF([x]=\"1\", [Department], IgnoreAttributeFlow)",
                        "IIF([x] = \"1\", [Department], IgnoreAttributeFlow)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonicalForms")
    void rendersCanonicalText(String text, String canonical) {
        ParsedExpression parsed = Expressions.parse(text);

        assertThat(parsed.text()).isEqualTo(canonical);
        assertThat(Expressions.parse(canonical)).isEqualTo(parsed);
    }

    /** expression, 0-based position, found, expected fragment. */
    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("", 0, "end of expression", "an expression"),
                Arguments.of("   ", 0, "end of expression", "an expression"),
                Arguments.of("Join(\",\", [a]", 13, "end of expression", "',' or ')'"),
                Arguments.of("Join(\",\" [a])", 9, "'[a]'", "',' or ')'"),
                Arguments.of("[a", 2, "end of expression", "']'"),
                Arguments.of("\"abc", 4, "end of expression", "'\"'"),
                Arguments.of("[]", 0, "'[]'", "an attribute name"),
                Arguments.of("join(\"\", [a])", 0, "'join'", "did you mean Join?"),
                Arguments.of("Frobnicate([a])", 0, "'Frobnicate'", "a known function"),
                Arguments.of("vbtextcompare", 0, "'vbtextcompare'", "keywords"),
                Arguments.of("Mid([a], 1)", 0, "an empty argument", "parameter 'length'"),
                Arguments.of("Mid([a], 1, 2, 3)", 0, "4 arguments", "at most 3"),
                Arguments.of("Join(\",\")", 0, "1 arguments", "at least 2"),
                Arguments.of("Mid([a], , 2)", 9, "an empty argument", "parameter 'start'"),
                Arguments.of("Switch([a], , \"k\")", 0, "Switch(…)", "valid arguments"),
                Arguments.of("SelectUniqueValue([a])", 0, "1 arguments", "at least 2"),
                Arguments.of("ToLower(SelectUniqueValue([a], [b]))", 8, "a nested SelectUniqueValue", "whole expression"),
                Arguments.of("SelectUniqueValue([a], [b]) & \"x\"", 0, "'SelectUniqueValue(…)'", "whole expression"),
                Arguments.of("Replace([a], , \"(unclosed\", , \"x\", , )", 0, "Replace(…)", "valid arguments"),
                Arguments.of("Replace([a], , , , , , )", 0, "Replace(…)", "valid arguments"),
                Arguments.of("DateAdd(\"q\", 1, Now())", 0, "DateAdd(…)", "valid arguments"),
                Arguments.of("FormatDateTime([a], \"Bogus\", \"yyyy\", \"yyyy\")", 0, "FormatDateTime(…)", "valid arguments"),
                Arguments.of("ToLower([a], \"not a culture!\")", 0, "ToLower(…)", "valid arguments"),
                Arguments.of("[a] = [b] = [c]", 10, "'='", "end of expression"),
                Arguments.of("[a] [b]", 4, "'[b]'", "end of expression"),
                Arguments.of("99999999999999999999", 0, "'99999999999999999999'", "64-bit integer"),
                Arguments.of("&H12345678901234567", 0, "'&H12345678901234567'", "at most 16 hex digits"),
                Arguments.of("2.5", 1, "'.'", "an expression or operator"),
                Arguments.of("- 5", 0, "'-'", "an expression or operator"),
                Arguments.of(")", 0, "')'", "an expression"),
                Arguments.of("\u0001", 0, "U+0001", "an expression or operator"),
                Arguments.of("(".repeat(101) + "1" + ")".repeat(101), 100, "'('", "at most 100 nested levels"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void reportsPositionFoundAndExpected(String text, int position, String found, String expected) {
        assertThatThrownBy(() -> Expressions.parse(text))
                .isInstanceOfSatisfying(ExpressionParseException.class, e -> {
                    assertThat(e.position()).as(e.getMessage()).isEqualTo(position);
                    assertThat(e.found()).as(e.getMessage()).isEqualTo(found);
                    assertThat(e.expected()).as(e.getMessage()).contains(expected);
                    assertThat(e.getMessage()).contains("position " + position);
                });
    }

    @Test
    void rejectsExpressionsLongerThanTenThousandCharacters() {
        String longest = "\"" + "x".repeat(Expressions.MAX_LENGTH - 2) + "\"";

        assertThat(Expressions.parse(longest).text()).hasSize(Expressions.MAX_LENGTH);
        assertThatThrownBy(() -> Expressions.parse(longest + " "))
                .isInstanceOfSatisfying(ExpressionParseException.class, e -> {
                    assertThat(e.position()).isEqualTo(Expressions.MAX_LENGTH);
                    assertThat(e.expected()).isEqualTo("at most 10000 characters");
                });
    }

    @Test
    void checksAttributesAgainstTheSourceDefinitionExactly() {
        assertThat(Expressions.parse("ToLower([userPrincipalName])", USER).referencedAttributes())
                .containsExactly("userPrincipalName");
        assertThatThrownBy(() -> Expressions.parse("Join(\"\", [userPrincipalName], [mail])", USER))
                .isInstanceOfSatisfying(ExpressionParseException.class, e -> {
                    assertThat(e.position()).isEqualTo(30);
                    assertThat(e.found()).isEqualTo("'[mail]'");
                    assertThat(e.expected()).isEqualTo("an attribute of object 'User'");
                });
        assertThatThrownBy(() -> Expressions.parse("[Extension_ABC_costCenter]", USER))
                .isInstanceOfSatisfying(ExpressionParseException.class,
                        e -> assertThat(e.expected()).contains("did you mean [extension_abc_costCenter]?"));
    }

    @Test
    void readsScimAttributeNamesWithValueFiltersAsOneAttribute() {
        ParsedExpression parsed = Expressions.parse("Coalesce([emails[type eq \"work\"].value], [userName])");
        assertThat(parsed.referencedAttributes()).containsExactlyInAnyOrder("emails[type eq \"work\"].value", "userName");
        assertThat(Expressions.parse("[addresses[type eq \"work\"].locality]").attributeName())
                .contains("addresses[type eq \"work\"].locality");
    }

    @Test
    void describesTheExpressionItParsed() {
        ParsedExpression parsed = Expressions.parse("Join(\" \", [givenName], ToUpper([surname]), [givenName])");

        assertThat(parsed.referencedAttributes()).containsExactly("givenName", "surname");
        assertThat(parsed.topLevelFunction()).contains("Join");
        assertThat(parsed.attributeName()).isEmpty();
        assertThat(Expressions.parse("[mail]").attributeName()).contains("mail");
    }
}
