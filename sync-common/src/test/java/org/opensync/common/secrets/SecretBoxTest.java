package org.opensync.common.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
    private static final String CONTEXT = "5e3a4f6b-1111-4222-8333-944455556666";
    private final String oldKey = SecretBox.generateKey();
    private final String newKey = SecretBox.generateKey();

    @Test
    void aSealedValueOpensInItsContextOnly() {
        SecretBox box = new SecretBox(oldKey, List.of());
        String sealed = box.seal("s3cret-token", CONTEXT);

        assertThat(sealed).startsWith("v1:" + box.activeKeyId() + ":").doesNotContain("s3cret-token", oldKey);
        assertThat(box.open(sealed, CONTEXT)).isEqualTo("s3cret-token");
        assertThatThrownBy(() -> box.open(sealed, "another-service-principal"))
                .isInstanceOf(SecretUnavailableException.class).hasMessageContaining("tampered or wrong key");
    }

    @Test
    void afterARotationNewValuesAreSealedWithTheNewKeyAndOldValuesStillOpen() {
        SecretBox beforeRotation = new SecretBox(oldKey, List.of());
        String sealedBefore = beforeRotation.seal("old-password", CONTEXT);

        SecretBox rotated = new SecretBox(newKey, List.of(oldKey));
        String sealedAfter = rotated.seal("new-password", CONTEXT);

        assertThat(rotated.activeKeyId()).isNotEqualTo(beforeRotation.activeKeyId());
        assertThat(rotated.open(sealedBefore, CONTEXT)).isEqualTo("old-password");
        assertThat(sealedAfter).startsWith("v1:" + rotated.activeKeyId() + ":");
        assertThat(rotated.open(sealedAfter, CONTEXT)).isEqualTo("new-password");
        assertThatThrownBy(() -> beforeRotation.open(sealedAfter, CONTEXT))
                .isInstanceOf(SecretUnavailableException.class).hasMessageContaining(rotated.activeKeyId());
    }

    @Test
    void aValueSealedWithAKeyNoLongerConfiguredNamesThatKeyById() {
        SecretBox beforeRotation = new SecretBox(oldKey, List.of());
        String sealed = beforeRotation.seal("password", CONTEXT);

        assertThatThrownBy(() -> new SecretBox(newKey, List.of()).open(sealed, CONTEXT))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("sealed with key " + beforeRotation.activeKeyId() + ", which is not configured")
                .hasMessageNotContaining(oldKey);
    }

    @Test
    void aTamperedOrForeignValueDoesNotOpen() {
        SecretBox box = new SecretBox(oldKey, List.of());
        String sealed = box.seal("password", CONTEXT);
        String flipped = sealed.substring(0, sealed.length() - 3) + (sealed.endsWith("AAA") ? "BBB" : "AAA");

        assertThatThrownBy(() -> box.open(flipped, CONTEXT)).isInstanceOf(SecretUnavailableException.class);
        assertThatThrownBy(() -> box.open("plain text", CONTEXT)).isInstanceOf(SecretUnavailableException.class)
                .hasMessage("not a sealed secret");
        assertThatThrownBy(() -> box.open(null, CONTEXT)).isInstanceOf(SecretUnavailableException.class);
    }

    @Test
    void malformedKeysAreRefusedWithoutRepeatingThem() {
        assertThatThrownBy(() -> new SecretBox("not base64!", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not base64")
                .hasMessageContaining("openssl rand -base64 32").hasMessageNotContaining("not base64!");
        assertThatThrownBy(() -> new SecretBox(oldKey, List.of("c2hvcnQta2V5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("it is 9 bytes, not 32");
    }
}
