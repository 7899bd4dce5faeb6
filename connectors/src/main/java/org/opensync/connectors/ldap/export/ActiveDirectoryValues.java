package org.opensync.connectors.ldap.export;

import java.nio.charset.StandardCharsets;

/** Encodings Active Directory demands for account state and passwords. */
public final class ActiveDirectoryValues {

    /** userAccountControl ACCOUNTDISABLE. */
    static final int ACCOUNT_DISABLE = 0x2;

    private ActiveDirectoryValues() {
    }

    /** {@code userAccountControl} with ACCOUNTDISABLE set, every other flag (password never expires, …) kept. */
    public static String disabled(String userAccountControl) {
        return Integer.toString(flags(userAccountControl) | ACCOUNT_DISABLE);
    }

    /** {@code userAccountControl} with ACCOUNTDISABLE cleared, every other flag kept. */
    public static String enabled(String userAccountControl) {
        return Integer.toString(flags(userAccountControl) & ~ACCOUNT_DISABLE);
    }

    public static boolean isDisabled(String userAccountControl) {
        return (flags(userAccountControl) & ACCOUNT_DISABLE) != 0;
    }

    /**
      * The {@code unicodePwd} value AD accepts on an add: the password in double quotes, UTF-16LE. AD takes it only
      * over an encrypted connection.
      */
    public static byte[] unicodePwd(String password) {
        return ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE);
    }

    /** AD stores the flags as a signed 32-bit integer; an account without the attribute has none set. */
    private static int flags(String userAccountControl) {
        if (userAccountControl == null || userAccountControl.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(userAccountControl.trim());
        } catch (NumberFormatException e) {
            throw LdapTargetErrors.ours(LdapTargetErrorCode.InvalidAttributeSyntax, "userAccountControl '"
                    + userAccountControl + "' is not an integer");
        }
    }
}
