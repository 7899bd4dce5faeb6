package org.opensync.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensync.sandbox.scim.ServerQuirks;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxMainTest {

    @TempDir
    Path dir;

    @Test
    void defaults() {
        SandboxOptions options = SandboxOptions.parse();
        assertThat(options.ldapPort()).isEqualTo(3389);
        assertThat(options.scimPort()).isEqualTo(8090);
        assertThat(options.users()).isEqualTo(50);
        assertThat(options.groups()).isEqualTo(5);
        assertThat(options.scimToken()).isEqualTo("sandbox-token");
        assertThat(options.bind()).isEqualTo("127.0.0.1");
        assertThat(options.scimBasePath()).isEqualTo("/scim/v2");
        assertThat(options.ldifOut()).isNull();
        assertThat(options.scimQuirks()).isEqualTo(ServerQuirks.Settings.NONE);
    }

    @Test
    void parsesEveryOption() {
        SandboxOptions options = SandboxOptions.parse("--ldap-port", "0", "--scim-port", "0", "--users", "7",
                "--groups", "2", "--scim-token", "", "--bind", "::1", "--scim-base-path", "/scim", "--ldif-out", "x.ldif");
        assertThat(options.ldapPort()).isZero();
        assertThat(options.scimPort()).isZero();
        assertThat(options.users()).isEqualTo(7);
        assertThat(options.groups()).isEqualTo(2);
        assertThat(options.scimToken()).isNull();
        assertThat(options.bind()).isEqualTo("::1");
        assertThat(options.scimBasePath()).isEqualTo("/scim");
        assertThat(options.ldifOut()).isEqualTo(Path.of("x.ldif"));
        assertThat(SandboxOptions.parse("--help").help()).isTrue();
    }

    @Test
    void parsesQuirks() {
        ServerQuirks.Settings all = SandboxOptions.parse("--quirks", "managerOnlyComplex,badRequestForUnknownId,"
                + "ignorePaging,caseSensitiveUserName,rejectAttributeWith500=title").scimQuirks();
        assertThat(all).isEqualTo(new ServerQuirks.Settings(true, true, "title", true, true, false));
        assertThat(all.describe()).isEqualTo("managerOnlyComplex,badRequestForUnknownId,rejectAttributeWith500=title,"
                + "ignorePaging,caseSensitiveUserName");
        assertThat(SandboxOptions.parse("--quirks", " ignorePaging ").scimQuirks())
                .isEqualTo(ServerQuirks.Settings.NONE.withIgnorePaging(true));
        assertThat(SandboxOptions.parse("--quirks", "").scimQuirks()).isEqualTo(ServerQuirks.Settings.NONE);
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> SandboxOptions.parse("--users")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SandboxOptions.parse("--users", "-1")).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> SandboxOptions.parse("--colour", "blue")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> SandboxOptions.parse("--quirks", "sideways")).hasMessageContaining("unknown quirk");
        assertThatThrownBy(() -> SandboxOptions.parse("--quirks", "rejectAttributeWith500"))
                .hasMessageContaining("attribute name");
    }

    @Test
    void ldifModeWritesTheFileAndReturns() throws Exception {
        Path file = dir.resolve("bulk.ldif");
        SandboxMain.main(new String[] {"--ldif-out", file.toString(), "--users", "12", "--groups", "3"});
        String ldif = Files.readString(file);
        assertThat(ldif).contains("dn: uid=user00011,ou=people,dc=example,dc=org");
        assertThat(ldif).contains("dn: cn=group002,ou=groups,dc=example,dc=org");
        assertThat(ldif).doesNotContain("user00012");
    }
}
