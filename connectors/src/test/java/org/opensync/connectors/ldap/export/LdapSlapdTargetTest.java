package org.opensync.connectors.ldap.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensync.connectors.ldap.LdapSettings;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.EgressSettings;
import org.opensync.sandbox.directory.SlapdTestDirectory;

/** LdapTarget against the shared slapd, in a private subtree removed afterwards. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LdapSlapdTargetTest {

    private static final EgressPolicy LOCAL = EgressPolicy.of(EgressSettings.loopbackAllowed());

    private SlapdTestDirectory directory;
    private LdapTarget target;
    private String people;

    @BeforeAll
    void open() throws LDAPException {
        directory = new SlapdTestDirectory();
        people = "ou=people," + directory.baseDn();
        for (String ou : List.of("dallas", "leavers")) {
            directory.connection().add(new Entry("ou=" + ou + "," + directory.baseDn(),
                    new Attribute("objectClass", "top", "organizationalUnit"), new Attribute("ou", ou)));
        }
        target = LdapTarget.open(settings(SlapdTestDirectory.URL), LdapTargetSettings.defaults()
                .withDisableMode(new DisableMode.SetAttribute("employeeType", "disabled")));
    }

    @AfterAll
    void close() {
        target.close();
        directory.close();
    }

    @Test
    void matchesEscapedValuesAndCreatesAtAnEscapedDn() {
        String dn = TargetDns.child("cn", "Doe, John +\"Jr\"", people);
        target.create(dn, person("Doe", "m-1", "a*(b)\\c"), null);
        target.create(TargetDns.child("cn", "Decoy", people), person("Decoy", "m-2", "xyz"), null);

        assertThat(target.match("inetOrgPerson", List.of(new MatchingValue("employeeNumber", "a*(b)\\c")), List.of()))
                .get().satisfies(entry -> {
                    assertThat(TargetDns.same(entry.dn(), dn)).isTrue();
                    assertThat(entry.values("cn")).containsExactly("Doe, John +\"Jr\"");
                });
        // unescaped, "x*" would be a substring filter matching the decoy
        assertThat(target.match("inetOrgPerson", List.of(new MatchingValue("employeeNumber", "x*")), List.of()))
                .isEmpty();
        // the first matching attribute with a hit decides; a missing value is skipped
        assertThat(target.match("inetOrgPerson", List.of(new MatchingValue("employeeNumber", null),
                new MatchingValue("uid", "nobody"), new MatchingValue("uid", "m-2")), List.of("uid")))
                .get().extracting(entry -> entry.values("uid")).isEqualTo(List.of("m-2"));
    }

    @Test
    void moreThanOneHitIsDuplicateTargetEntries() {
        target.create(TargetDns.child("cn", "Twin A", people), person("Twin", "twin-a", "twin"), null);
        target.create(TargetDns.child("cn", "Twin B", people), person("Twin", "twin-b", "twin"), null);

        assertThatThrownBy(() -> target.match("inetOrgPerson", List.of(new MatchingValue("employeeNumber", "twin")),
                List.of())).isInstanceOfSatisfying(LdapTargetException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(LdapTargetErrorCode.DuplicateTargetEntries);
                    assertThat(e.transientFailure()).isFalse();
                });
    }

    @Test
    void updatesOnlyChangedAttributesThenRenamesAndMoves() {
        String dn = TargetDns.child("cn", "Ann Lee", people);
        Map<String, List<String>> attributes = person("Lee", "alee", "e-1");
        attributes.put("title", List.of("Engineer"));
        attributes.put("description", List.of("temporary"));
        attributes.put("telephoneNumber", List.of("+1 111", "+1 222"));
        target.create(dn, attributes, null);
        String manager = TargetDns.child("cn", "Boss", people);
        target.create(manager, person("Boss", "boss", "e-0"), null);

        Map<String, List<String>> desired = new LinkedHashMap<>();
        desired.put("title", List.of("Lead"));
        desired.put("description", List.of());
        desired.put("telephoneNumber", List.of("+1 222", "+1 333"));
        desired.put("sn", List.of("Lee"));
        desired.put("manager", List.of(manager.toUpperCase()));
        LdapTarget.Update update = target.update(image(dn), dn, desired);

        assertThat(update.renamed()).isFalse();
        assertThat(update.modifiedAttributes()).containsExactlyInAnyOrder("title", "description", "telephoneNumber",
                "manager");
        TargetEntry after = image(dn);
        assertThat(after.values("title")).containsExactly("Lead");
        assertThat(after.values("description")).isEmpty();
        assertThat(after.values("telephoneNumber")).containsExactlyInAnyOrder("+1 222", "+1 333");
        // the manager's DN in another case is the same reference: nothing to write the second time
        assertThat(target.update(after, dn, desired).changed()).isFalse();

        String anchor = target.anchor(dn);
        String renamed = TargetDns.child("cn", "Ann Lee-Smith", "ou=dallas," + directory.baseDn());
        desired.put("cn", List.of("Ann Lee-Smith"));
        desired.put("title", List.of("Director"));
        LdapTarget.Update moved = target.update(after, renamed, desired);

        assertThat(moved.renamed()).isTrue();
        // the anchor survives the rename and the move
        assertThat(target.readByAnchor(anchor, List.of("uid"))).get().satisfies(entry -> {
            assertThat(TargetDns.same(entry.dn(), renamed)).isTrue();
            assertThat(target.anchor(entry.dn())).isEqualTo(anchor);
        });
        assertThat(moved.modifiedAttributes()).containsExactly("title");
        assertThat(target.read(dn, List.of())).isEmpty();
        TargetEntry movedImage = image(renamed);
        assertThat(movedImage.values("cn")).containsExactly("Ann Lee-Smith");
        assertThat(movedImage.values("title")).containsExactly("Director");
        assertThat(movedImage.values("uid")).containsExactly("alee");
    }

    @Test
    void disablesAndEnablesByMarkerAttributeOrByMovingToLeavers() throws LDAPException {
        String dn = TargetDns.child("cn", "Leaver", people);
        target.create(dn, person("Leaver", "leaver", "e-9"), null);

        assertThat(target.disable(dn)).isEqualTo(dn);
        assertThat(target.disable(dn)).isEqualTo(dn);
        assertThat(image(dn).values("employeeType")).containsExactly("disabled");
        target.enable(dn);
        target.enable(dn);
        assertThat(image(dn).values("employeeType")).isEmpty();

        String leavers = "ou=leavers," + directory.baseDn();
        try (LdapTarget moving = LdapTarget.open(settings(SlapdTestDirectory.URL),
                LdapTargetSettings.defaults().withDisableMode(new DisableMode.MoveTo(leavers)))) {
            String moved = moving.disable(dn);
            assertThat(TargetDns.parent(moved)).isEqualToIgnoringCase(leavers);
            assertThat(moving.disable(moved)).isEqualTo(moved);
            assertThat(moving.read(moved, List.of("uid"))).isPresent();
            assertThat(moving.read(dn, List.of("uid"))).isEmpty();
        }
    }

    @Test
    void deletesOnceAndThenReportsItGone() {
        String dn = TargetDns.child("cn", "Gone", people);
        target.create(dn, person("Gone", "gone", "e-8"), null);

        String anchor = target.anchor(dn);
        assertThat(target.delete(dn)).isTrue();
        assertThat(target.readByAnchor(anchor, List.of())).isEmpty();
        assertThat(target.delete(dn)).isFalse();
        assertThat(target.read(dn, List.of())).isEmpty();
    }

    @Test
    void everyRequestIsToldToTheObserverWithItsResultCode() {
        List<String> requests = Collections.synchronizedList(new ArrayList<>());
        try (LdapTarget observed = LdapTarget.open(settings(SlapdTestDirectory.URL), LdapTargetSettings.defaults()
                .withObserver((operation, result, took) -> requests.add(operation + " " + result)))) {
            String dn = TargetDns.child("cn", "Observed", people);
            observed.create(dn, person("Observed", "observed", "e-9"), null);
            assertRefused(() -> observed.create(dn, person("Observed", "observed", "e-9"), null),
                    LdapTargetErrorCode.EntryAlreadyExists);
            observed.update(observed.read(dn, List.of("*")).orElseThrow(), dn, Map.of("title", List.of("Observer")));
            assertThat(observed.delete(dn)).isTrue();
            assertThat(observed.delete(dn)).isFalse();
        }

        // 68 entryAlreadyExists, 32 noSuchObject
        assertThat(requests).containsExactly("add 0", "add 68", "search 0", "modify 0", "delete 0", "delete 32");
    }

    @Test
    void membersAreWrittenInChunks() {
        String group = TargetDns.child("cn", "Everyone", "ou=groups," + directory.baseDn());
        String first = TargetDns.child("uid", "u-first", people);
        target.create(group, Map.of("objectClass", List.of("top", "groupOfNames"), "cn", List.of("Everyone"),
                "member", List.of(first)), null);
        List<String> members = IntStream.range(0, 1_200).mapToObj(i -> TargetDns.child("uid", "u" + i, people))
                .toList();

        assertThat(target.updateReferences(group, "member", members, List.of())).isEqualTo(3);
        assertThat(image(group).values("member")).hasSize(1_201);
        // a chunk sent again after a failure part-way through is no error
        target.updateReferences(group, "member", members.subList(0, 10), List.of());
        assertThat(image(group).values("member")).hasSize(1_201);

        List<String> leaving = new ArrayList<>(members.subList(0, 700));
        leaving.add(first);
        assertThat(target.updateReferences(group, "member", List.of(), leaving)).isEqualTo(2);
        assertThat(image(group).values("member")).hasSize(500);
        target.updateReferences(group, "member", List.of(), leaving.subList(0, 3));
        assertThat(image(group).values("member")).hasSize(500);
    }

    @Test
    void setsThePasswordOnCreate() throws LDAPException {
        String dn = TargetDns.child("cn", "With Password", people);
        target.create(dn, person("Password", "pw-user", "e-7"), "s3cret! \"quoted\"");

        LDAPURL url = new LDAPURL(SlapdTestDirectory.URL);
        try (LDAPConnection bound = new LDAPConnection(url.getHost(), url.getPort())) {
            assertThat(bound.bind(dn, "s3cret! \"quoted\"").getResultCode().isConnectionUsable()).isTrue();
        }
    }

    @Test
    void answersWhetherAValueIsTakenForSelectUniqueValue() {
        target.create(TargetDns.child("cn", "J Doe", people), person("Doe", "jdoe", "e-6"), null);
        target.create(TargetDns.child("cn", "J Doe 1", people), person("Doe", "jdoe1", "e-5"), null);

        assertThat(target.valueTaken("uid", "jdoe")).isTrue();
        assertThat(target.valueTaken("uid", "jdoe*")).isFalse();
        assertThat(target.firstUnique("uid", List.of("jdoe", "jdoe1", "jdoe2", "jdoe3"))).contains("jdoe2");
        assertThat(target.firstUnique("uid", List.of("jdoe", "jdoe1"))).isEmpty();
    }

    @Test
    void directoryRefusalsKeepTheirCodeAndMessage() {
        String dn = TargetDns.child("cn", "Strict", people);
        target.create(dn, person("Strict", "strict", "e-4"), null);

        // displayName is single-valued in inetOrgPerson
        assertThatThrownBy(() -> target.update(image(dn), dn, Map.of("displayName", List.of("One", "Two"))))
                .isInstanceOfSatisfying(LdapTargetException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(LdapTargetErrorCode.ConstraintViolation);
                    assertThat(e.transientFailure()).isFalse();
                    assertThat(e.diagnostic()).containsIgnoringCase("displayName");
                    assertThat(e.getMessage()).contains(dn);
                });
        assertThat(image(dn).values("displayName")).isEmpty();
        assertRefused(() -> target.create(dn, person("Strict", "strict", "e-4"), null),
                LdapTargetErrorCode.EntryAlreadyExists);
        assertRefused(() -> target.create(TargetDns.child("cn", "No Surname", people),
                Map.of("objectClass", List.of("inetOrgPerson"), "cn", List.of("No Surname")), null),
                LdapTargetErrorCode.ObjectClassViolation);
        assertRefused(() -> target.update(new TargetEntry(TargetDns.child("cn", "Nobody", people), Map.of()),
                TargetDns.child("cn", "Nobody", people), Map.of("title", List.of("x"))), LdapTargetErrorCode.NoSuchObject);
        assertRefused(() -> target.create("cn=Elsewhere,dc=example,dc=org", person("Elsewhere", "else", "e-3"), null),
                LdapTargetErrorCode.NamingViolation);
        assertThat(target.read("cn=Elsewhere,dc=example,dc=org", List.of())).isEmpty();
    }

    @Test
    void anUnreachableDirectoryIsTransient() {
        assertThatThrownBy(() -> LdapTarget.open(settings("ldap://127.0.0.1:1"), LdapTargetSettings.defaults()))
                .isInstanceOfSatisfying(LdapTargetException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(LdapTargetErrorCode.ServiceUnavailable);
                    assertThat(e.transientFailure()).isTrue();
                });
    }

    @Test
    void writesBeyondThePoolWaitForAConnection() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try (LdapTarget onePerTurn = LdapTarget.open(settings(SlapdTestDirectory.URL).withPoolSize(1),
                LdapTargetSettings.defaults())) {
            List<Future<?>> creates = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String uid = "turn-" + i;
                creates.add(threads.submit(() -> onePerTurn.create(TargetDns.child("cn", uid, people),
                        person(uid, uid, uid), null)));
            }
            for (Future<?> create : creates) {
                create.get();
            }
            for (int i = 0; i < 6; i++) {
                assertThat(onePerTurn.read(TargetDns.child("cn", "turn-" + i, people), List.of("uid"))).isPresent();
            }
        } finally {
            threads.shutdown();
        }
    }

    private LdapSettings settings(String url) {
        return LdapSettings.of(url, SlapdTestDirectory.BIND_DN, SlapdTestDirectory.PASSWORD, directory.baseDn())
                .withEgress(LOCAL);
    }

    private TargetEntry image(String dn) {
        return target.read(dn, List.of("*")).orElseThrow();
    }

    private static void assertRefused(Runnable operation, LdapTargetErrorCode code) {
        assertThatThrownBy(operation::run).isInstanceOfSatisfying(LdapTargetException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    private static Map<String, List<String>> person(String surname, String uid, String employeeNumber) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("objectClass", List.of("top", "person", "organizationalPerson", "inetOrgPerson"));
        attributes.put("sn", List.of(surname));
        attributes.put("uid", List.of(uid));
        attributes.put("employeeNumber", List.of(employeeNumber));
        return attributes;
    }
}
