package org.opensync.connectors.ldap;

import org.opensync.sandbox.directory.TestDirectory;
import org.opensync.sandbox.directory.InMemoryTestDirectory;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The UnboundID in-memory server has no RFC 4533: timestamp deltas plus an anchor listing. */
class InMemoryDeltaTest extends LdapDeltaContract {

    @Override
    TestDirectory newDirectory() {
        return new InMemoryTestDirectory();
    }

    @Test
    void usesTheTimestampPathAndAPresentListingForEveryType() {
        assertThat(source.capabilities().contentSync()).isFalse();
        Watermark full = replica.fullRead(source);
        assertThat(full.value()).contains("\"mode\":\"timestamp\"").contains("modifyTimestamp");
        DeltaResult result = replica.deltaRead(source, full).getKey();
        assertThat(result.presentPhaseTypes()).containsExactlyInAnyOrder("User", "Group");
    }

    @Test
    void aContentSyncWatermarkIsUnusableHere() {
        Watermark foreign = Watermark.of(new Watermark.ContentSyncPosition(
                java.util.Map.of("User", "rid=000,csn=20261126053901.711742Z#000000#000#000000".getBytes())));
        assertThatThrownBy(() -> source.deltaRead(List.of(TestTypes.USERS), foreign, new NoOpDeltaListener()))
                .isInstanceOf(WatermarkUnusableException.class)
                .hasMessageContaining("does not offer");
    }

    @Test
    void noWatchWithoutContentSyncWhateverTheWatermark() {
        Watermark foreign = Watermark.of(new Watermark.ContentSyncPosition(
                java.util.Map.of("User", "rid=000,csn=20261126053901.711742Z#000000#000#000000".getBytes())));
        assertThat(source.watch(List.of(TestTypes.USERS), foreign, () -> { })).isEmpty();
        assertThat(source.watch(TestTypes.BOTH, replica.fullRead(source), () -> { })).isEmpty();
    }
}
