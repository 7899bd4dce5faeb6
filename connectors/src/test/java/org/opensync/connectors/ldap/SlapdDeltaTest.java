package org.opensync.connectors.ldap;

import org.opensync.sandbox.directory.TestDirectory;
import org.opensync.sandbox.directory.SlapdTestDirectory;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
  * OpenLDAP with syncprov: RFC 4533 refreshOnly deltas whose deletions come from the session log, and what only slapd
  * can show: the present-phase fallback and a refused cookie.
  */
class SlapdDeltaTest extends LdapDeltaContract {

    /** {@code syncprov-sessionlog} in infra/slapd/slapd.conf.template. */
    static final int SESSION_LOG_SIZE = 10_000;

    @Override
    TestDirectory newDirectory() {
        return new SlapdTestDirectory();
    }

    @Test
    void deletionsAreListedExplicitlyWithoutAPresentPhase() {
        assertThat(source.capabilities().contentSync()).isTrue();
        Watermark full = replica.fullRead(source);
        assertThat(full.value()).contains("\"mode\":\"contentSync\"");
        String deleted = anchorOf("User", "user00003");
        directory.delete(directory.userDn("user00003"));

        List<String> deletedEvents = new ArrayList<>();
        List<String> presentEvents = new ArrayList<>();
        DeltaResult result = source.deltaRead(TestTypes.BOTH, full, new NoOpDeltaListener() {
            @Override
            public void deleted(String type, String anchor) {
                deletedEvents.add(type + ":" + anchor);
            }

            @Override
            public void present(String type, String anchor) {
                presentEvents.add(anchor);
            }
        });
        assertThat(result.presentPhaseTypes()).isEmpty();
        assertThat(presentEvents).isEmpty();
        assertThat(deletedEvents).contains("User:" + deleted);
    }

    @Test
    void aTimestampWatermarkStillWorksOnAServerWithContentSync() {
        replica.fullRead(source);
        Watermark timestamps = Watermark.of(new Watermark.TimestampPosition("modifyTimestamp",
                java.time.Instant.now().minusSeconds(1)));
        directory.modify(directory.userDn("user00006"), "title", "Moved");
        Map.Entry<DeltaResult, Replica.Effect> delta = replica.deltaRead(source, timestamps);
        assertThat(delta.getValue().changed("User")).containsExactly(anchorOf("User", "user00006"));
        assertThat(delta.getKey().watermark().value()).contains("\"mode\":\"timestamp\"");
    }

    /**
      * A cookie older than the session log (here: one whose CSN predates this slapd's start, which is where its
      * in-memory log begins) cannot be replayed: slapd falls back to the present phase.
      */
    @Test
    void aCookieOlderThanTheSessionLogFallsBackToThePresentPhase() {
        replica.fullRead(source);
        String deleted = anchorOf("User", "user00002");
        directory.delete(directory.userDn("user00002"));
        Watermark ancient = Watermark.of(new Watermark.ContentSyncPosition(Map.of(
                "User", cookie("rid=000,csn=20000101000000.000000Z#000000#000#000000"),
                "Group", cookie("rid=000,csn=20000101000000.000000Z#000000#000#000000"))));

        Map.Entry<DeltaResult, Replica.Effect> delta = replica.deltaRead(source, ancient);

        assertThat(delta.getKey().presentPhaseTypes()).containsExactlyInAnyOrder("User", "Group");
        assertThat(delta.getValue().deleted("User")).containsExactly(deleted);
        assertThat(delta.getValue().changed("User")).isEmpty();
        assertThat(replica.images("User")).hasSize(29);
    }

    /**
      * The real-world case: more writes than the session log holds happen after the cookie was taken, so unchanged
      * entries come back as present UUIDs. Writes {@value #SESSION_LOG_SIZE} + 50 modifications (a few seconds).
      */
    @Test
    void afterMoreWritesThanTheSessionLogHoldsUnchangedEntriesAreListedAsPresent() throws LDAPException {
        Watermark full = replica.fullRead(source);
        String deleted = anchorOf("User", "user00002");
        String modified = anchorOf("User", "user00001");
        directory.delete(directory.userDn("user00002"));
        directory.modify(directory.userDn("user00001"), "title", "Survivor");
        for (int i = 0; i < SESSION_LOG_SIZE + 50; i++) {
            ((SlapdTestDirectory) directory).connection().modify(directory.baseDn(),
                    new Modification(ModificationType.REPLACE, "description", "flood " + i));
        }

        Set<String> present = new HashSet<>();
        DeltaResult result = source.deltaRead(List.of(TestTypes.USERS), full, new NoOpDeltaListener() {
            @Override
            public void present(String type, String anchor) {
                present.add(anchor);
            }
        });

        assertThat(result.presentPhase("User")).isTrue();
        Set<String> unchanged = new HashSet<>(replica.images("User").keySet());
        unchanged.remove(deleted);
        unchanged.remove(modified);
        assertThat(present).containsAll(unchanged).doesNotContain(deleted);
    }

    @Test
    void aCookieFromTheFutureIsRefusedAndAsksForAFullRead() {
        Watermark future = Watermark.of(new Watermark.ContentSyncPosition(Map.of(
                "User", cookie("rid=000,csn=20991231000000.000000Z#000000#000#000000"))));
        assertThatThrownBy(() -> source.deltaRead(List.of(TestTypes.USERS), future, new NoOpDeltaListener()))
                .isInstanceOf(WatermarkUnusableException.class)
                .hasMessageContaining("refused the RFC 4533 cookie")
                .hasMessageContaining("run a full read");
    }

    @Test
    void aWatermarkWithoutTheRequestedTypeIsUnusable() {
        Watermark usersOnly = source.fullRead(List.of(TestTypes.USERS), entry -> { });
        assertThatThrownBy(() -> source.deltaRead(TestTypes.BOTH, usersOnly, new NoOpDeltaListener()))
                .isInstanceOf(WatermarkUnusableException.class)
                .hasMessageContaining("no position for type Group");
    }

    private static byte[] cookie(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
