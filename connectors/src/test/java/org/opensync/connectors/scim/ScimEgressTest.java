package org.opensync.connectors.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensync.connectors.net.EgressDeniedException;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.EgressSettings;

/** The egress policy in front of every request: what it refuses is never sent. */
class ScimEgressTest extends SandboxScimServer {

    @Test
    void theDefaultPolicyRefusesATargetOnLoopbackWithoutSendingAnything() {
        ScimClient client = new ScimClient(settings().egress(EgressPolicy.defaults()).maxRetries(3).build());
        assertThatThrownBy(() -> client.create(ScimResourceType.USER, Map.of("userName", "egress@example.org")))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ScimErrorCode.EgressDenied);
                    assertThat(e.getMessage()).startsWith("Egress policy refused 127.0.0.1:" + server.port()
                            + ": loopback addresses are not allowed (sync.egress.allow-loopback) (POST /Users)");
                    assertThat(e.status()).isZero();
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.transientFailure()).isTrue();
                    assertThat(e.credentialProblem()).isFalse();
                });
        assertThatThrownBy(client::checkEgress).isInstanceOf(EgressDeniedException.class);
        assertThat(server.journal().entries()).isEmpty();
    }

    @Test
    void internalEndpointsAreRefusedEvenWhereLoopbackIsAllowed() {
        EgressPolicy local = EgressPolicy.of(EgressSettings.loopbackAllowed());
        Map<String, String> refusals = Map.of(
                "http://127.0.0.1:5432/scim", "Egress policy refused 127.0.0.1:5432: port 5432 belongs to the "
                        + "platform or its infrastructure (sync.egress.denied-ports)",
                "http://169.254.169.254/latest/meta-data", "Egress policy refused 169.254.169.254:80: link-local and "
                        + "cloud metadata addresses are not allowed (sync.egress)",
                "http://127.0.0.1:8081/beta", "Egress policy refused 127.0.0.1:8081: port 8081 belongs to the "
                        + "platform or its infrastructure (sync.egress.denied-ports)");
        refusals.forEach((baseAddress, message) -> {
            ScimClient client = new ScimClient(ScimSettings.builder(baseAddress).egress(local).maxRetries(0).build());
            assertThatThrownBy(client::checkEgress).as(baseAddress).hasMessage(message);
            assertThatThrownBy(client::testConnection).as(baseAddress).isInstanceOfSatisfying(ScimException.class,
                    e -> assertThat(e.getMessage()).startsWith(message));
        });
    }
}
