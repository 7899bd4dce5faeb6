package org.opensync.mapping.expression;

import static org.opensync.mapping.expression.ExpressionCases.error;
import static org.opensync.mapping.expression.ExpressionCases.row;

import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensync.mapping.value.ObjectImage;

class EncodingFunctionsTest {
    /** S-1-5-32-544 (BUILTIN\Administrators) in binary form. */
    private static final String ADMINISTRATORS_SID = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 32, 2, 0, 0});
    /** S-1-5-21-3623811015-3361044348-30300820-1013, a typical domain account. */
    private static final String DOMAIN_SID = Base64.getEncoder().encodeToString(new byte[] {
        1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, (byte) 0xC7, (byte) 0xF7, (byte) 0xFE, (byte) 0xD7, 0x7C, 0x77, 0x55,
        (byte) 0xC8, (byte) 0x94, 0x5A, (byte) 0xCE, 0x01, (byte) 0xF5, 0x03, 0x00, 0x00});

    static Stream<Arguments> cases() {
        return Stream.of(
                row("ConvertToBase64(\"Hello world!\")", "SABlAGwAbABvACAAdwBvAHIAbABkACEA"),
                row("ConvertToBase64(\"\")", ""),
                row("ConvertToBase64([missing])", null),
                row("ConvertToBase64([m])", error("multi-valued"), "m", List.of("a", "b")),
                row("ConvertFromBase64(\"SABlAGwAbABvACAAdwBvAHIAbABkACEA\")", "Hello world!"),
                row("ConvertFromBase64(\"SABlAGwAbABvACAAdwBvAHIAbABkACEA\", Unicode)", "Hello world!"),
                row("ConvertFromBase64(\"SGVsbG8=\", UTF8)", "Hello"),
                row("ConvertFromBase64(\"w6k=\", UTF8)", "é"),
                row("ConvertFromBase64(\"SGVsbG8=\", ASCII)", "Hello"),
                row("ConvertFromBase64(\"SGVsbG8=\", \"utf8\")", "Hello"),
                row("ConvertFromBase64(\"not base64!\")", error("not valid base64")),
                row("ConvertFromBase64(\"SGVsbG8=\", [enc])", error("not an encoding"), "enc", "EBCDIC"),
                row("ConvertFromBase64([missing])", null),
                row("ConvertToUTF8Hex(\"Hello world!\")", "48656C6C6F20776F726C6421"),
                row("ConvertToUTF8Hex(\"é\")", "C3A9"),
                row("ConvertToUTF8Hex([missing])", null),
                row("CStr(42)", "42"),
                row("CStr([dn])", "cn=Joe,dc=contoso,dc=com", "dn", "cn=Joe,dc=contoso,dc=com"),
                row("CStr(1 = 1)", "True"),
                row("CStr(DateFromNum(0))", "1/1/1601 12:00:00 AM"),
                row("CStr([missing])", null),
                row("CStr([m])", error("multi-valued"), "m", List.of("a", "b")),
                row("BitAnd(&HF, &HF7)", "7"),
                row("BitAnd([userAccountControl], 2)", "2", "userAccountControl", "514"),
                row("BitAnd([userAccountControl], 2)", "0", "userAccountControl", "512"),
                row("BitAnd(\"x\", 1)", error("must be an integer")),
                row("BitAnd([missing], 1)", error("has no value")),
                row("StringFromSid([sid])", "S-1-5-32-544", "sid", ADMINISTRATORS_SID),
                row("StringFromSid([sid])", "S-1-5-21-3623811015-3361044348-30300820-1013", "sid", DOMAIN_SID),
                row("StringFromSid(\"S-1-5-18\")", "S-1-5-18"),
                row("StringFromSid(\"AAAA\")", error("not a binary security identifier")),
                row("StringFromSid([missing])", null),
                row("DNComponent(CRef([dn]), 1)", "Joe", "dn", "cn=Joe,ou=Users,dc=contoso,dc=com"),
                row("DNComponent([dn], 2)", "Users", "dn", "cn=Joe,ou=Users,dc=contoso,dc=com"),
                row("DNComponent(\"cn=Doe\\, John,ou=x\", 1)", "Doe, John"),
                row("DNComponent(\"cn=Ren\\C3\\A9,ou=x\", 1)", "René"),
                row("DNComponent(\"cn=\\\"Quoted, Name\\\",ou=x\", 1)", "Quoted, Name"),
                row("DNComponent([dn], 9)", null, "dn", "cn=Joe,dc=com"),
                row("DNComponent([dn], 0)", error("1 or more"), "dn", "cn=Joe,dc=com"),
                row("DNComponent([missing], 1)", null),
                row("CRef([manager])", "cn=Boss,dc=com", "manager", "cn=Boss,dc=com"),
                row("CRef([missing])", null));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("cases")
    void evaluates(String expression, Object expected, ObjectImage source) {
        ExpressionCases.check(expression, expected, source);
    }
}
