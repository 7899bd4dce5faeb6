package org.opensync.sandbox;

import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.ldap.LdapDirectory;
import org.opensync.sandbox.ldap.LdifExport;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.sandbox.scim.ScimServerConfig;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/** Starts the LDAP directory and the SCIM app side by side, or writes the generated directory as LDIF. */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        SandboxOptions options;
        try {
            options = SandboxOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(SandboxOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(SandboxOptions.USAGE);
            return;
        }
        DirectoryData data = new DirectoryDataGenerator().generate(options.users(), options.groups());
        if (options.ldifOut() != null) {
            LdifExport.write(data, options.ldifOut());
            System.out.printf("Wrote %d users and %d groups (plus base and ou entries) to %s%n", data.userCount(),
                    data.groupCount(), options.ldifOut());
            return;
        }
        run(options, data);
    }

    private static void run(SandboxOptions options, DirectoryData data) throws InterruptedException {
        LdapDirectory ldap = new LdapDirectory(options.bind(), options.ldapPort(), LdapDirectory.DEFAULT_BIND_DN,
                LdapDirectory.DEFAULT_PASSWORD).load(data).start();
        ScimServer scim = new ScimServer(ScimServerConfig.defaults()
                .withBindAddress(options.bind())
                .withPort(options.scimPort())
                .withBasePath(options.scimBasePath())
                .withBearerToken(options.scimToken())).start();
        scim.quirks().set(options.scimQuirks());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            scim.stop();
            ldap.stop();
            System.out.println("Sandbox stopped.");
            stopped.countDown();
        }, "sandbox-shutdown"));

        System.out.printf("""
                OpenSync sandbox is running (Ctrl-C or SIGTERM stops it).
                    LDAP URL       %s
                    Bind DN        %s
                    Password       %s
                    Base DN        %s  (%d users in ou=people, %d groups in ou=groups)
                    SCIM base URL  %s
                    SCIM token     %s
                    Status page    %s
                    SCIM quirks    %s
                    Admin API      %s  (faults, outage, journal, counters, quirks, reset)
                """, ldap.url(), ldap.bindDn(), ldap.password(), ldap.baseDn(), data.userCount(), data.groupCount(),
                scim.baseUrl(), options.scimToken() == null ? "(none: authentication disabled)" : options.scimToken(),
                options.scimQuirks().describe().isEmpty() ? "(none)" : options.scimQuirks().describe(),
                scim.statusPageUrl(), scim.adminUrl());
        stopped.await();
    }
}
