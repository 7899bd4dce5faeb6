package org.opensync.common.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The keys as the services configure them: each property falls back to its environment variable and is empty when
 * that is unset, so a missing key reaches {@link SecretsConfig} and is refused with a message saying how to create
 * one. The services build their boxes at startup, so these messages are what a misconfigured service stops with.
 */
class SecretsConfigTest {
    private static final String CONTEXT = "5e3a4f6b-1111-4222-8333-944455556666";

    @Test
    void aMissingKeyIsRefusedWithHowToCreateOne() {
        SecretsConfig config = config(Map.of());

        assertThatThrownBy(config::transportBox).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("sync.secrets.transport-key (SYNC_SECRETS_TRANSPORT_KEY) is not set")
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageContaining("the same value to job-api, change-detector and provisioner");
        assertThatThrownBy(config::atRestBox).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("sync.secrets.at-rest-key (SYNC_SECRETS_AT_REST_KEY) is not set")
                .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void aMalformedKeyIsRefusedWithWhatIsWrongButNotTheValue() {
        String notBase64 = "this is no key";
        assertThatThrownBy(config(Map.of("sync.secrets.transport-key", notBase64))::transportBox)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("sync.secrets.transport-key (SYNC_SECRETS_TRANSPORT_KEY) is not a sealing "
                        + "key, it is not base64")
                .hasMessageContaining("openssl rand -base64 32").hasMessageNotContaining(notBase64);

        String tooShort = "c2hvcnQta2V5";
        assertThatThrownBy(config(Map.of("sync.secrets.at-rest-key", tooShort))::atRestBox)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at-rest-key (SYNC_SECRETS_AT_REST_KEY) is not a sealing key, it is 9 bytes, "
                        + "not 32").hasMessageNotContaining(tooShort);
    }

    @Test
    void aMalformedPreviousKeyIsNamedByItsPositionInTheList() {
        SecretsConfig config = config(Map.of("sync.secrets.transport-key", SecretBox.generateKey(),
                "sync.secrets.previous-transport-keys", SecretBox.generateKey() + ",c2hvcnQta2V5"));

        assertThatThrownBy(config::transportBox).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("sync.secrets.previous-transport-keys (SYNC_SECRETS_PREVIOUS_TRANSPORT_KEYS) "
                        + "entry 2 is not a sealing key, it is 9 bytes");
    }

    @Test
    void theActiveKeySealsAndEveryPreviousKeyStillOpens() {
        String first = SecretBox.generateKey();
        String second = SecretBox.generateKey();
        String third = SecretBox.generateKey();
        String sealedWithFirst = new SecretBox(first, List.of()).seal("first", CONTEXT);
        String sealedWithSecond = new SecretBox(second, List.of()).seal("second", CONTEXT);

        SecretBox box = config(Map.of("sync.secrets.transport-key", third,
                "sync.secrets.previous-transport-keys", second + "," + first)).transportBox();

        assertThat(box.open(sealedWithFirst, CONTEXT)).isEqualTo("first");
        assertThat(box.open(sealedWithSecond, CONTEXT)).isEqualTo("second");
        assertThat(box.seal("third", CONTEXT)).startsWith("v1:" + new SecretBox(third, List.of()).activeKeyId());
    }

    /** The services' property lines, with the given values standing in for their environment variables. */
    private static SecretsConfig config(Map<String, String> environment) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "sync.secrets.at-rest-key", "${SYNC_SECRETS_AT_REST_KEY:}",
                "sync.secrets.previous-at-rest-keys", "${SYNC_SECRETS_PREVIOUS_AT_REST_KEYS:}",
                "sync.secrets.transport-key", "${SYNC_SECRETS_TRANSPORT_KEY:}",
                "sync.secrets.previous-transport-keys", "${SYNC_SECRETS_PREVIOUS_TRANSPORT_KEYS:}"));
        environment.forEach((property, value) -> properties.put(property, value));
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(SecretsConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build()
                .getConfigMapping(SecretsConfig.class);
    }
}
