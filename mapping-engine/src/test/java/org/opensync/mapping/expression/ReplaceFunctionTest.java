package org.opensync.mapping.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensync.mapping.expression.ExpressionCases.error;
import static org.opensync.mapping.expression.ExpressionCases.row;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensync.mapping.value.ObjectImage;

class ReplaceFunctionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // (a) Find + Replacement, ordinal and case-sensitive
                row("Replace([mail], \"@\", , , \"_\", , )", "john_contoso.com", "mail", "john@contoso.com"),
                row("Replace(\"a.b.c\", \".\", , , \"\", , )", "abc"),
                row("Replace(\"aAa\", \"a\", , , \"x\", , )", "xAx"),
                row("Replace([mail], \"@\", , , [none], , )", "johncontoso.com", "mail", "john@contoso.com"),
                row("Replace([missing], \"@\", , , \"_\", , )", null),
                row("Replace(\"x\", [empty], , , \"_\", , )", error("Find must not be empty"), "empty", ""),
                row("Replace([m], \"a\", , , \"b\", , )", error("multi-valued"), "m", List.of("a", "b")),
                // (b) Find + Template
                row("Replace([user], \"{0}\", , , , , \"{0}@contoso.com\")", "jdoe@contoso.com", "user", "jdoe"),
                row("Replace([missing], \"{0}\", , , , , \"{0}@contoso.com\")", null),
                // (c) RegularExpression + Replacement with .NET substitutions
                row("Replace(\"+49 1234\", , \"\\\\+(?<isdCode>\\\\d* )\", , \"00${isdCode}\", , )", "0049 1234"),
                row("Replace(\"+44 20\", , \"\\+(?<isdCode>49|44) \", , \"0\", , )", "020"),
                row("Replace(\"John Smith\", , \"(\\\\w+) (\\\\w+)\", , \"$2, $1\", , )", "Smith, John"),
                row("Replace(\"ab\", , \"(?<x>a)(b)\", , \"$1-$2-${x}\", , )", "b-a-a"),
                row("Replace(\"a\", , \"a\", , \"$$\", , )", "$"),
                row("Replace(\"abc\", , \"b\", , \"[$&]\", , )", "a[b]c"),
                row("Replace(\"abc\", , \"b\", , \"[$`|$']\", , )", "a[a|c]c"),
                row("Replace(\"abc\", , \"b\", , \"$9\", , )", "a$9c"),
                row("Replace(\"abc\", , \"b\", , \"${nope}\", , )", "a${nope}c"),
                row("Replace(\"a\", , \"a\", , \"\\\\n\", , )", "\\n"),
                row("Replace(\"aaa\", , \"a*?\", , \"-\", , )", "-a-a-a-"),
                row("Replace(\"hello\", , \"[a-z-[aeiou]]\", , \"*\", , )", "*e**o"),
                row("Replace(\"a{b\", , \"{\", , \"-\", , )", "a-b"),
                row("Replace(\"a[b&c\", , \"[[&]\", , \"-\", , )", "a-b-c"),
                row("Replace(\"x٣y\", , \"\\\\d\", , \"D\", , )", "xDy"),
                row("Replace(\"Ab\", , \"(?i)a\", , \"x\", , )", "xb"),
                row("Replace(\"ab\", , \"(?<first_letter>a)\\\\k<first_letter>?\", , \"<${first_letter}>\", , )", "<a>b"),
                row("Replace([missing], , \"a\", , \"b\", , )", null),
                // (d) RegularExpression + group + Replacement: only the group's text changes
                row("Replace(\"Mobile: +49 170\", , \"\\\\+(?<code>\\\\d+)\", \"code\", \"XX\", , )", "Mobile: +XX 170"),
                row("Replace(\"a1 b2\", , \"[a-z](?<n>\\\\d)\", \"n\", \"#\", , )", "a# b#"),
                row("Replace(\"abc\", , \"(b)\", \"nope\", \"X\", , )", error("no group 'nope'")),
                // (e) RegularExpression + group + ReplacementPropertyName
                row("Replace([mobile], , \"\\\\+(?<code>\\\\d+) (?<rest>.*)\", \"rest\", , [telephoneNumber], )", "123",
                        "mobile", "123", "telephoneNumber", "+49 555"),
                row("Replace([mobile], , \"\\\\+(?<code>\\\\d+) (?<rest>.*)\", \"rest\", , [telephoneNumber], )", "555",
                        "telephoneNumber", "+49 555"),
                row("Replace([mobile], , \"\\\\+(?<code>\\\\d+) (?<rest>.*)\", \"rest\", , [telephoneNumber], )", null),
                row("Replace([mobile], , \"\\\\+(?<code>\\\\d+) (?<rest>.*)\", \"rest\", , [telephoneNumber], )", null,
                        "telephoneNumber", "no match"),
                // non-literal pattern, compiled per evaluation
                row("Replace(\"abc\", , [pattern], , \"-\", , )", "a-c", "pattern", "b"),
                row("Replace(\"abc\", , [pattern], , \"-\", , )", error("invalid regular expression"), "pattern", "(b"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("cases")
    void evaluates(String expression, Object expected, ObjectImage source) {
        ExpressionCases.check(expression, expected, source);
    }

    @Test
    void catastrophicBacktrackingFailsQuicklyInsteadOfHanging() {
        ObjectImage source = ExpressionCases.image("x", "a,".repeat(30));
        long started = System.nanoTime();

        ExpressionCases.check("Replace([x], , \"(.*,){15}P\", , \"\", , )", error("exceeded its evaluation budget"), source);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void deeplyRecursiveMatchOnHugeInputFailsCleanly() {
        ObjectImage source = ExpressionCases.image("x", "ab".repeat(200_000));

        ExpressionCases.check("Replace([x], , \"^(a|b)*$\", , \"\", , )", error("budget"), source);
    }
}
