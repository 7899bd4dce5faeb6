package org.opensync.connectors.ldap.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensync.connectors.ldap.LdapSettings;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.EgressSettings;
import org.opensync.sandbox.directory.SambaTestDirectory;

/**
  * LdapTarget against a real Active Directory: the Samba AD DC of {@code infra/infra.sh start samba}, over LDAPS
  * trusting only its private CA, in a private OU removed afterwards.
  */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LdapSambaTargetTest {

    private static final EgressPolicy LOCAL = EgressPolicy.of(EgressSettings.loopbackAllowed());
    private static final String PASSWORD = "Str0ng-Passw0rd!";

    private SambaTestDirectory directory;
    private LdapTarget target;
    private String people;

    @BeforeAll
    void open() {
        assumeTrue(SambaTestDirectory.installed(), "Samba is not installed and infra/infra.sh could not install it: "
                + "the Active Directory tests are skipped");
        directory = new SambaTestDirectory();
        people = directory.peopleDn();
        target = LdapTarget.open(settings(SambaTestDirectory.URL, false), LdapTargetSettings.defaults());
    }

    @AfterAll
    void close() {
        if (target != null) {
            target.close();
            directory.close();
        }
    }

    @Test
    void isRecognisedAsActiveDirectory() {
        assertThat(target.activeDirectory()).isTrue();
    }

    @Test
    void createsAUserWithAPasswordOverLdapsThatCanBind() throws LDAPException {
        String dn = TargetDns.child("CN", "Ann Lee", people);
        target.create(dn, user("alee"), PASSWORD);

        try (LDAPConnection bound = SambaTestDirectory.connect()) {
            assertThat(bound.bind(n("alee") + "@example.org", PASSWORD).getResultCode())
                    .isEqualTo(ResultCode.SUCCESS);
        }
        assertThat(target.read(dn, List.of("userAccountControl", "objectGUID"))).get()
                .satisfies(entry -> assertThat(entry.values("userAccountControl")).containsExactly("512"));
        assertThat(target.anchor(dn)).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(target.readByAnchor(target.anchor(dn), List.of("sAMAccountName"))).get()
                .extracting(entry -> entry.values("sAMAccountName")).isEqualTo(List.of(n("alee")));
    }

    @Test
    void createsAUserWithAPasswordOverStartTls() throws LDAPException {
        try (LdapTarget startTls = LdapTarget.open(settings("ldap://127.0.0.1:389", true),
                LdapTargetSettings.defaults())) {
            startTls.create(TargetDns.child("CN", "Tls User", people), user("tlsuser"), PASSWORD);
        }
        try (LDAPConnection bound = SambaTestDirectory.connect()) {
            assertThat(bound.bind(n("tlsuser") + "@example.org", PASSWORD).getResultCode())
                    .isEqualTo(ResultCode.SUCCESS);
        }
    }

    @Test
    void neverSendsAPasswordOverPlainLdap() {
        try (LdapTarget plain = LdapTarget.open(settings("ldap://127.0.0.1:389", false),
                LdapTargetSettings.defaults())) {
            assertThatThrownBy(() -> plain.create(TargetDns.child("CN", "Clear", people), user("clear"), PASSWORD))
                    .isInstanceOfSatisfying(LdapTargetException.class, e ->
                            assertThat(e.errorCode()).isEqualTo(LdapTargetErrorCode.ConfidentialityRequired));
        }
        assertThat(target.valueTaken("sAMAccountName", n("clear"))).isFalse();
    }

    @Test
    void disableSetsAccountDisableKeepingOtherFlagsAndEnableClearsIt() {
        String plainDn = TargetDns.child("CN", "Plain", people);
        target.create(plainDn, user("plain"), PASSWORD);
        target.disable(plainDn);
        assertThat(flags(plainDn)).isEqualTo("514");
        target.disable(plainDn);
        assertThat(flags(plainDn)).isEqualTo("514");
        target.enable(plainDn);
        assertThat(flags(plainDn)).isEqualTo("512");

        // NORMAL_ACCOUNT | DONT_EXPIRE_PASSWORD
        String keeperDn = TargetDns.child("CN", "Keeper", people);
        Map<String, List<String>> keeper = user("keeper");
        keeper.put("userAccountControl", List.of(String.valueOf(0x200 | 0x10000)));
        target.create(keeperDn, keeper, PASSWORD);
        target.disable(keeperDn);
        assertThat(flags(keeperDn)).isEqualTo(String.valueOf(0x200 | 0x10000 | 0x2));
        target.enable(keeperDn);
        assertThat(flags(keeperDn)).isEqualTo(String.valueOf(0x200 | 0x10000));
    }

    @Test
    void movesAUserToAnotherOuKeepingItsAnchor() {
        String dallas = directory.addOrganizationalUnit("dallas");
        String dn = TargetDns.child("CN", "Mover", people);
        target.create(dn, user("mover"), PASSWORD);
        String anchor = target.anchor(dn);
        TargetEntry current = target.read(dn, List.of("title")).orElseThrow();

        Map<String, List<String>> desired = Map.of("title", List.of("Engineer"));
        LdapTarget.Update update = target.update(current, TargetDns.child("CN", "Mover", dallas), desired);

        assertThat(update.renamed()).isTrue();
        assertThat(update.modifiedAttributes()).containsExactly("title");
        assertThat(target.read(dn, List.of())).isEmpty();
        assertThat(target.readByAnchor(anchor, List.of("title"))).get().satisfies(entry -> {
            assertThat(TargetDns.same(entry.dn(), TargetDns.child("CN", "Mover", dallas))).isTrue();
            assertThat(entry.values("title")).containsExactly("Engineer");
        });
    }

    @Test
    void addsAndRemovesMembersOfAUniversalSecurityGroup() throws LDAPException {
        String ann = TargetDns.child("CN", "Member One", people);
        String bob = TargetDns.child("CN", "Member Two", people);
        target.create(ann, user("member1"), PASSWORD);
        target.create(bob, user("member2"), PASSWORD);
        String group = TargetDns.child("CN", "Engineers", directory.groupsDn());
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("objectClass", List.of("top", "group"));
        attributes.put("sAMAccountName", List.of(n("engineers")));
        // ADS_GROUP_TYPE_UNIVERSAL_GROUP | ADS_GROUP_TYPE_SECURITY_ENABLED
        attributes.put("groupType", List.of(String.valueOf(0x8 | 0x80000000)));
        target.create(group, attributes, null);

        target.updateReferences(group, "member", List.of(ann, bob), List.of());
        // again: AD's permissive modify makes values already present no error
        target.updateReferences(group, "member", List.of(ann), List.of());
        assertThat(members(group)).containsExactlyInAnyOrder(ann, bob);
        SearchResultEntry annEntry = directory.connection().getEntry(ann, "memberOf");
        assertThat(annEntry.getAttributeValues("memberOf")).containsExactly(group);

        target.updateReferences(group, "member", List.of(), List.of(ann, ann));
        assertThat(members(group)).containsExactly(bob);
        assertThat(target.read(group, List.of("groupType"))).get()
                .extracting(entry -> entry.values("groupType")).isEqualTo(List.of("-2147483640"));
    }

    @Test
    void selectUniqueValueSkipsTakenSamAccountNames() {
        target.create(TargetDns.child("CN", "John Doe", people), user("jdoe"), PASSWORD);
        target.create(TargetDns.child("CN", "John Doe 1", people), user("jdoe1"), PASSWORD);

        assertThat(target.valueTaken("sAMAccountName", n("jdoe"))).isTrue();
        assertThat(target.valueTaken("sAMAccountName", n("jdoe2"))).isFalse();
        assertThat(target.firstUnique("sAMAccountName", List.of(n("jdoe"), n("jdoe1"), n("jdoe2"), n("jdoe3"))))
                .contains(n("jdoe2"));
        assertThat(target.firstUnique("userPrincipalName", List.of(n("jdoe") + "@example.org"))).isEmpty();
    }

    @Test
    void aPasswordTooWeakForTheDomainIsAConstraintViolationWithAdsMessage() {
        assertThatThrownBy(() -> target.create(TargetDns.child("CN", "Weak", people), user("weak"), "password"))
                .isInstanceOfSatisfying(LdapTargetException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(LdapTargetErrorCode.ConstraintViolation);
                    assertThat(e.transientFailure()).isFalse();
                    assertThat(e.getMessage()).contains("0000052D");
                });
    }

    @Test
    void anExistingEntryOrSamAccountNameIsRefused() {
        String dn = TargetDns.child("CN", "Dup", people);
        target.create(dn, user("dup"), PASSWORD);

        assertThatThrownBy(() -> target.create(dn, user("dup-other"), PASSWORD))
                .isInstanceOfSatisfying(LdapTargetException.class, e ->
                        assertThat(e.errorCode()).isEqualTo(LdapTargetErrorCode.EntryAlreadyExists));
        assertThatThrownBy(() -> target.create(TargetDns.child("CN", "Dup Two", people), user("dup"), PASSWORD))
                .isInstanceOfSatisfying(LdapTargetException.class, e ->
                        assertThat(e.errorCode()).isEqualTo(LdapTargetErrorCode.EntryAlreadyExists));
    }

    private String n(String name) {
        return directory.name(name);
    }

    private String flags(String dn) {
        return target.read(dn, List.of("userAccountControl")).orElseThrow().values("userAccountControl").get(0);
    }

    private List<String> members(String group) throws LDAPException {
        return List.of(directory.connection().getEntry(group, "member").getAttributeValues("member"));
    }

    private LdapSettings settings(String url, boolean startTls) {
        return LdapSettings.of(url, SambaTestDirectory.BIND_UPN, SambaTestDirectory.PASSWORD, directory.baseDn())
                .withEgress(LOCAL).withTls(startTls, SambaTestDirectory.caCertificate());
    }

    /** A user whose sAMAccountName and UPN are {@code name} made unique in the domain ({@link #n}). */
    private Map<String, List<String>> user(String name) {
        String samAccountName = n(name);
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("objectClass", List.of("top", "person", "organizationalPerson", "user"));
        attributes.put("sAMAccountName", List.of(samAccountName));
        attributes.put("userPrincipalName", List.of(samAccountName + "@example.org"));
        attributes.put("sn", List.of("Test"));
        attributes.put("userAccountControl", List.of("512"));
        return attributes;
    }
}
