package org.opensync.sandbox;

import org.opensync.sandbox.scim.ServerQuirks;

import java.nio.file.Path;

/** Command-line options of {@link SandboxMain}. */
record SandboxOptions(String bind, int ldapPort, int scimPort, String scimBasePath, String scimToken,
                      ServerQuirks.Settings scimQuirks, int users, int groups, Path ldifOut, boolean help) {

    static final String USAGE = """
            Usage: java -jar sandbox.jar [options]
                --bind ADDRESS         listen address for both servers (default 127.0.0.1)
                --ldap-port N          LDAP port, 0 = ephemeral (default 3389)
                --scim-port N          SCIM/HTTP port, 0 = ephemeral (default 8090)
                --scim-base-path PATH  SCIM base path (default /scim/v2)
                --scim-token TOKEN     bearer token SCIM clients must send; "" disables the check (default sandbox-token)
                --quirks LIST          real-server SCIM quirks to start with (default none), comma-separated from
                                       managerOnlyComplex, badRequestForUnknownId, ignorePaging,
                                       caseSensitiveUserName, rejectAttributeWith500=ATTRIBUTE
                --users N              generated LDAP users (default 50)
                --groups M             generated LDAP groups (default 5)
                --ldif-out FILE        only write the generated data as LDIF (for slapadd) and exit
                --help                 this text
            """;

    static SandboxOptions parse(String... args) {
        SandboxOptions options = new SandboxOptions("127.0.0.1", 3389, 8090, "/scim/v2", "sandbox-token",
                ServerQuirks.Settings.NONE, 50, 5, null, false);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                return options.with(name, null);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            options = options.with(name, args[++i]);
        }
        return options;
    }

    private SandboxOptions with(String name, String value) {
        return switch (name) {
            case "--help", "-h" -> new SandboxOptions(bind, ldapPort, scimPort, scimBasePath, scimToken, scimQuirks,
                    users, groups, ldifOut, true);
            case "--bind" -> new SandboxOptions(value, ldapPort, scimPort, scimBasePath, scimToken, scimQuirks, users,
                    groups, ldifOut, help);
            case "--ldap-port" -> new SandboxOptions(bind, number(name, value), scimPort, scimBasePath, scimToken,
                    scimQuirks, users, groups, ldifOut, help);
            case "--scim-port" -> new SandboxOptions(bind, ldapPort, number(name, value), scimBasePath, scimToken,
                    scimQuirks, users, groups, ldifOut, help);
            case "--scim-base-path" -> new SandboxOptions(bind, ldapPort, scimPort, value, scimToken, scimQuirks,
                    users, groups, ldifOut, help);
            case "--scim-token" -> new SandboxOptions(bind, ldapPort, scimPort, scimBasePath,
                    value.isEmpty() ? null : value, scimQuirks, users, groups, ldifOut, help);
            case "--quirks" -> new SandboxOptions(bind, ldapPort, scimPort, scimBasePath, scimToken, quirks(value),
                    users, groups, ldifOut, help);
            case "--users" -> new SandboxOptions(bind, ldapPort, scimPort, scimBasePath, scimToken, scimQuirks,
                    number(name, value), groups, ldifOut, help);
            case "--groups" -> new SandboxOptions(bind, ldapPort, scimPort, scimBasePath, scimToken, scimQuirks, users,
                    number(name, value), ldifOut, help);
            case "--ldif-out" -> new SandboxOptions(bind, ldapPort, scimPort, scimBasePath, scimToken, scimQuirks, users,
                    groups, Path.of(value), help);
            default -> throw new IllegalArgumentException("unknown option " + name);
        };
    }

    private static ServerQuirks.Settings quirks(String list) {
        try {
            return ServerQuirks.Settings.parse(list);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--quirks: " + e.getMessage());
        }
    }

    private static int number(String name, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a non-negative integer, not '" + value + "'");
        }
    }
}
