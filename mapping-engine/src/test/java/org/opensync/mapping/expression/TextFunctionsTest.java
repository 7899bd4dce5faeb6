package org.opensync.mapping.expression;

import static org.opensync.mapping.expression.ExpressionCases.error;
import static org.opensync.mapping.expression.ExpressionCases.row;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensync.mapping.value.ObjectImage;

class TextFunctionsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // Append / Prepend
                row("Append([mail], \".test\")", "a@b.com.test", "mail", "a@b.com"),
                row("Append([missing], \"@x.com\")", "@x.com"),
                row("Append([mail], \"\")", "a", "mail", "a"),
                row("Append([mail], [none])", "a", "mail", "a"),
                row("Append([multi], \"x\")", error("multi-valued"), "multi", List.of("a", "b")),
                row("Append(7, 8)", "78"),
                row("Prepend(\"pre-\", [name])", "pre-x", "name", "x"),
                row("Prepend(\"pre-\", [none])", "pre-"),
                // Left
                row("Left(\"John Doe\", 3)", "Joh"),
                row("Left(\"John\", 0)", ""),
                row("Left(\"John\", -1)", "John"),
                row("Left(\"John\", 10)", "John"),
                row("Left([missing], 3)", ""),
                row("Left(\"John\", \"2\")", "Jo"),
                row("Left(\"John\", \"two\")", error("must be an integer")),
                row("Left(\"John\", [missing])", error("has no value")),
                // Mid
                row("Mid(\"John Doe\", 3, 5)", "hn Do"),
                row("Mid(\"John Doe\", 6, 100)", "Doe"),
                row("Mid(\"John\", 5, 2)", ""),
                row("Mid([missing], 1, 2)", ""),
                row("Mid(\"John\", \"1\", \"1\")", "J"),
                row("Mid(\"John\", 0, 1)", error("1-based")),
                row("Mid(\"John\", 1, -1)", error("negative")),
                row("Mid([multi], 1, 1)", error("multi-valued"), "multi", List.of("a", "b")),
                // StripSpaces / Trim
                row("StripSpaces(\" a b  c \")", "abc"),
                row("StripSpaces(\"a\tb\")", "a\tb"),
                row("StripSpaces([missing])", null),
                row("StripSpaces([multi])", List.of("ab", "cd"), "multi", List.of("a b", " c d")),
                row("Trim(\"  a b \")", "a b"),
                row("Trim(\"\u00a0x\u3000\")", "x"),
                row("Trim([multi])", List.of("a", "b"), "multi", List.of(" a", "b ")),
                row("Trim([missing])", null),
                row("Trim(\"\")", ""),
                // ToLower / ToUpper
                row("ToLower([mail])", "john@contoso.com", "mail", "John@Contoso.COM"),
                row("ToLower(\"I\", \"tr-TR\")", "ı"),
                row("ToLower(\"I\", )", "i"),
                row("ToLower(\"I\", \"\")", "i"),
                row("ToUpper(\"istanbul\", \"tr-TR\")", "İSTANBUL"),
                row("ToUpper(\"abc\")", "ABC"),
                row("ToUpper([missing])", null),
                row("ToUpper([multi])", List.of("A", "B"), "multi", List.of("a", "b")),
                row("ToLower(\"A\", [culture])", error("not a valid culture"), "culture", "not a culture!"),
                row("ToLower(\"\")", ""),
                // NormalizeDiacritics
                row("NormalizeDiacritics(\"Zoë\")", "Zoe"),
                row("NormalizeDiacritics(\"Łukasz Żółć\")", "Lukasz Zolc"),
                row("NormalizeDiacritics(\"Øystein Strauß Æsa\")", "OEystein Strauss AEsa"),
                row("NormalizeDiacritics(\"İı ā\u0301 œ\u0304\")", "Ii a oe"),
                row("NormalizeDiacritics(\"Ş ș Ť ț ř\")", "S s T t r"),
                row("NormalizeDiacritics(\"plain 123 ☃\")", "plain 123 ☃"),
                row("NormalizeDiacritics([missing])", null),
                row("NormalizeDiacritics([multi])", List.of("e", "a"), "multi", List.of("é", "à")),
                // PCase
                row("PCase(\"PABLO GONSALVES (SECOND)\")", "Pablo Gonsalves (Second)"),
                row("PCase(\"PINTO-DE'SILVA\", \" '-\")", "Pinto-De'Silva"),
                row("PCase(\"pinto-de'silva\")", "Pinto-De'Silva"),
                row("PCase(\"hello_world.foo bar\")", "Hello_World.Foo Bar"),
                row("PCase(\"1st floor\")", "1St Floor"),
                row("PCase(\"a-b c\", \"-\")", "A-B c"),
                row("PCase(\"\")", ""),
                row("PCase([missing])", null),
                // Word
                row("Word(\"The quick brown fox\", 3, \" \")", "brown"),
                row("Word(\"This,string!has&many separators\", 3, \",!&#\")", "has"),
                row("Word(\"a,,b\", 2, \",\")", "b"),
                row("Word(\"a b\", 0, \" \")", ""),
                row("Word(\"a b\", 3, \" \")", ""),
                row("Word([missing], 1, \" \")", ""),
                row("Word(\",,,\", 1, \",\")", ""),
                row("Word(\"solo\", 1, \"\")", "solo"),
                row("Word(\"a b\", \"x\", \" \")", error("must be an integer")),
                // InStr
                row("InStr(\"The quick brown fox\", \"quick\")", "5"),
                row("InStr(\"repEated\", \"e\", 3, vbBinaryCompare)", "7"),
                row("InStr(\"repEated\", \"e\", 3, vbTextCompare)", "4"),
                row("InStr(\"repEated\", \"E\", , 1)", "2"),
                row("InStr(\"abc\", \"z\")", "0"),
                row("InStr(\"abc\", \"\")", "1"),
                row("InStr(\"abc\", \"c\", 4)", "0"),
                row("InStr([missing], \"c\")", "0"),
                row("InStr(\"abc\", \"c\", 0)", error("start must be 1 or more")),
                row("InStr(\"abc\", \"c\", , [type])", error("not a compare type"), "type", "sideways"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("cases")
    void evaluates(String expression, Object expected, ObjectImage source) {
        ExpressionCases.check(expression, expected, source);
    }
}
