package org.opensync.mapping.expression;

import static org.opensync.mapping.expression.ExpressionCases.error;
import static org.opensync.mapping.expression.ExpressionCases.row;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensync.mapping.value.ObjectImage;

/**
  * The functions an Active Directory mapping uses, on values as the LDAP source delivers them from a Samba 4.17 AD DC
  * (read with ldapsearch; objectSid is given base64 because it is binary, objectGUID already as a UUID string).
  */
class ActiveDirectoryValuesTest {
    private static final String OBJECT_SID = "AQUAAAAAAAUVAAAAuQyrimJ7CN69kgVmTgQAAA==";
    /** FILETIME ticks: 2026-12-06 02:32:21.8 UTC. */
    private static final String PWD_LAST_SET = "134409979418088590";
    /** FILETIME ticks: the account expires at 2025-12-14 16:00 UTC. */
    private static final String ACCOUNT_EXPIRES = "134102016000000000";
    /** accountExpires of an account that never expires (0x7FFFFFFFFFFFFFFF; 0 means the same). */
    private static final String NEVER = "9223372036854775807";
    private static final List<String> PROXY_ADDRESSES = List.of("SMTP:Reader.One@example.org",
            "smtp:reader@example.org");
    private static final String DN = "CN=dsreader,OU=t-dsexp,DC=example,DC=org";

    private static final String EXPIRY = "Switch([accountExpires], FormatDateTime(DateFromNum([accountExpires]), , "
            + "\"M/d/yyyy h:mm:ss tt\", \"yyyy-MM-dd\"), \"0\", \"never\", \"" + NEVER + "\", \"never\")";

    static Stream<Arguments> cases() {
        return Stream.of(
                row("StringFromSid([objectSid])", "S-1-5-21-2326465721-3725097826-1711641277-1102",
                        "objectSid", OBJECT_SID),
                row("DateFromNum([pwdLastSet])", "12/6/2026 2:32:21 AM", "pwdLastSet", PWD_LAST_SET),
                row("FormatDateTime(DateFromNum([accountExpires]), , \"M/d/yyyy h:mm:ss tt\", \"yyyy-MM-dd\")",
                        "2025-12-14", "accountExpires", ACCOUNT_EXPIRES),
                row("DateFromNum([accountExpires])", error("range"), "accountExpires", NEVER),
                // Switch evaluates only the branch it takes: "never" never reaches DateFromNum
                row(EXPIRY, "never", "accountExpires", NEVER),
                row(EXPIRY, "never", "accountExpires", "0"),
                row(EXPIRY, "2025-12-14", "accountExpires", ACCOUNT_EXPIRES),
                row("FormatDateTime([whenCreated], , \"yyyyMMddHHmmss.fZ\", \"yyyy-MM-dd HH:mm:ss\")",
                        "2026-12-06 02:32:22", "whenCreated", "20261206023222.0Z"),
                row("Item([proxyAddresses], 1)", "SMTP:Reader.One@example.org", "proxyAddresses", PROXY_ADDRESSES),
                row("Replace(Item([proxyAddresses], 1), \"SMTP:\", , , \"\", , )", "Reader.One@example.org",
                        "proxyAddresses", PROXY_ADDRESSES),
                row("DNComponent([distinguishedName], 1)", "dsreader", "distinguishedName", DN),
                row("DNComponent([distinguishedName], 2)", "t-dsexp", "distinguishedName", DN),
                row("DNComponent([dn], 1)", "Doe, John", "dn", "CN=Doe\\, John,OU=people,DC=example,DC=org"),
                row("ConvertToUTF8Hex([sAMAccountName])", "647372656164657220C3A9", "sAMAccountName",
                        "dsreader é"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("cases")
    void evaluates(String expression, Object expected, ObjectImage source) {
        ExpressionCases.check(expression, expected, source);
    }
}
