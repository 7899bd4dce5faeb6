package org.opensync.connectors.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.testing.TcpRelay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** RFC 4533 refreshAndPersist watches on OpenLDAP: what rings, what does not, and how a watch ends. */
class SlapdWatchTest {

    private static final int USERS = 5;
    /** Changes reach a watch in milliseconds; this only bounds a failing test. */
    private static final Duration RINGS_WITHIN = Duration.ofSeconds(5);
    /** How long a watch must stay quiet to count as not ringing: a multiple of what a ring takes on loopback. */
    private static final Duration QUIET_FOR = Duration.ofMillis(500);

    private final DirectoryDataGenerator generator = new DirectoryDataGenerator();
    private final AtomicInteger rings = new AtomicInteger();
    private final List<SourceWatch> watches = new ArrayList<>();
    private SlapdTestDirectory directory;
    private LdapSource source;

    @BeforeEach
    void load() {
        directory = new SlapdTestDirectory();
        directory.load(generator.generate(USERS, 2));
        source = LdapSource.open(TestSettings.of(directory));
    }

    @AfterEach
    void remove() {
        watches.forEach(SourceWatch::close);
        source.close();
        directory.close();
    }

    @Test
    void aModifyAnAddAndADeleteEachRingWhileTheWatchIsOpen() {
        SourceWatch watch = watch(source, fullRead());
        assertThat(watch.open()).isTrue();

        awaitRingAfter(() -> directory.modify(directory.userDn("user00001"), "title", "Watched"));
        awaitRingAfter(() -> directory.addUser(generator.user(USERS)));
        awaitRingAfter(() -> directory.delete(directory.userDn("user00002")));
        awaitRingAfter(() -> directory.modify(directory.groupDn("group000"), "description", "Watched"));
        assertThat(watch.open()).isTrue();
    }

    @Test
    void aChangeMadeBeforeTheWatchOpensRingsInTheRefreshPhase() {
        Watermark full = fullRead();
        directory.modify(directory.userDn("user00001"), "title", "Changed before watching");

        watch(source, full);

        await().atMost(RINGS_WITHIN).until(() -> rings.get() > 0);
    }

    @Test
    void changesOutsideTheTypesBasesAndFiltersDoNotRing() throws LDAPException {
        watch(source, fullRead());
        int before = settledRings();
        // Below the users' base but no inetOrgPerson; an inetOrgPerson outside both bases; the source's base itself
        directory.modify("ou=people," + directory.baseDn(), "description", "not a user");
        directory.connection().add(new Entry("uid=stray," + directory.baseDn(), List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                new Attribute("uid", "stray"), new Attribute("cn", "Stray"), new Attribute("sn", "Stray"))));
        directory.modify(directory.baseDn(), "description", "outside every type's base");

        // The server reports a search's changes in order: out-of-scope ones would have come before this one
        directory.modify(directory.userDn("user00001"), "title", "In scope");

        await().atMost(RINGS_WITHIN).until(() -> rings.get() > before);
        assertThat(settledRings()).isEqualTo(before + 1);
    }

    @Test
    void closeEndsTheWatchAndItRingsNoMore() {
        SourceWatch watch = watch(source, fullRead());
        awaitRingAfter(() -> directory.modify(directory.userDn("user00001"), "title", "Before closing"));
        int before = settledRings();

        watch.close();
        watch.close();

        assertThat(watch.open()).isFalse();
        directory.modify(directory.userDn("user00001"), "title", "After closing");
        await().during(QUIET_FOR).atMost(QUIET_FOR.plus(RINGS_WITHIN)).until(() -> rings.get() == before);
    }

    @Test
    void aBellThatThrowsEndsTheWatch() {
        SourceWatch watch = source.watch(TestTypes.BOTH, fullRead(), () -> {
            throw new IllegalStateException("the caller's bell is broken");
        }).orElseThrow();
        watches.add(watch);

        directory.modify(directory.userDn("user00001"), "title", "Rings a broken bell");

        await().atMost(RINGS_WITHIN).until(() -> !watch.open());
    }

    @Test
    void noWatchForAWatermarkThatIsNoContentSyncCookieForEveryType() {
        assertThat(source.watch(TestTypes.BOTH, Watermark.of(new Watermark.UsnPosition(3992, "CN=NTDS Settings,CN=DC1")),
                rings::incrementAndGet)).isEmpty();
        assertThat(source.watch(TestTypes.BOTH, Watermark.of(new Watermark.TimestampPosition("modifyTimestamp",
                Instant.now())), rings::incrementAndGet)).isEmpty();
        assertThat(source.watch(TestTypes.BOTH, new Watermark("not json"), rings::incrementAndGet)).isEmpty();
        Watermark usersOnly = source.fullRead(List.of(TestTypes.USERS), entry -> { });
        assertThat(source.watch(TestTypes.BOTH, usersOnly, rings::incrementAndGet)).isEmpty();
        assertThat(source.watch(List.of(TestTypes.USERS), usersOnly, rings::incrementAndGet)).isPresent()
                .get().satisfies(watches::add);
    }

    @Test
    void theWatchEndsWhenTheServerRefusesTheCookie() {
        Watermark future = Watermark.of(new Watermark.ContentSyncPosition(Map.of(
                "User", "rid=000,csn=20991231000000.000000Z#000000#000#000000".getBytes(StandardCharsets.UTF_8))));

        SourceWatch watch = watch(source, List.of(TestTypes.USERS), future);

        await().atMost(RINGS_WITHIN).until(() -> !watch.open());
        assertThat(rings).hasValue(0);
    }

    @Test
    void theWatchEndsWhenTheConnectionDropsAndCannotStartWhileTheServerIsAway() throws Exception {
        LDAPURL slapd = new LDAPURL(directory.url());
        try (TcpRelay proxy = new TcpRelay(slapd.getHost(), slapd.getPort());
             LdapSource proxied = LdapSource.open(LdapSettings.of("ldap://127.0.0.1:" + proxy.port(),
                     directory.bindDn(), directory.password(), directory.baseDn()).withEgress(TestSettings.LOCAL))) {
            SourceWatch watch = watch(proxied, fullRead());
            assertThat(watch.open()).isTrue();

            proxy.cut();

            await().atMost(RINGS_WITHIN).until(() -> !watch.open());
            proxy.close();
            assertThatThrownBy(() -> proxied.watch(TestTypes.BOTH, fullRead(), rings::incrementAndGet))
                    .isInstanceOf(LdapUnavailableException.class);
        }
    }

    private Watermark fullRead() {
        return source.fullRead(TestTypes.BOTH, entry -> { });
    }

    private SourceWatch watch(LdapSource from, Watermark since) {
        return watch(from, TestTypes.BOTH, since);
    }

    private SourceWatch watch(LdapSource from, List<ObjectTypeQuery> types, Watermark since) {
        SourceWatch watch = from.watch(types, since, rings::incrementAndGet).orElseThrow();
        watches.add(watch);
        return watch;
    }

    /**
      * Waits until the count has settled, then makes the change and waits for a ring: a refresh phase may ring for
      * changes made before the watch opened, also for changes of other types, which slapd lists as possibly deleted.
      */
    private void awaitRingAfter(Runnable change) {
        int before = settledRings();
        change.run();
        await().atMost(RINGS_WITHIN).until(() -> rings.get() > before);
    }

    /** The ring count once it has not changed for {@link #QUIET_FOR}. */
    private int settledRings() {
        int[] last = {-1};
        await().atMost(RINGS_WITHIN).pollDelay(Duration.ZERO).pollInterval(QUIET_FOR).until(() -> {
            int now = rings.get();
            boolean settled = now == last[0];
            last[0] = now;
            return settled;
        });
        return last[0];
    }
}
