package org.opensync.connectors.ldap;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenLDAP with syncprov: RFC 4533 refreshOnly deltas whose deletions come from the session log. */
class SlapdDeltaTest extends LdapDeltaContract {

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
}
