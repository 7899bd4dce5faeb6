package org.opensync.common.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SealedValuesTest {
    private final SecretBox box = new SecretBox(SecretBox.generateKey(), List.of());

    @Test
    void onlyTheNamedAttributesAreSealedAndTheyOpenForTheirJobOnly() {
        Map<String, List<String>> image = Map.of("Description", List.of("p4ss", "w0rd"), "mail", List.of("a@b"));

        Map<String, List<String>> sealed = SealedValues.seal(box, "job-1", image, Set.of("description"));

        assertThat(sealed.get("mail")).containsExactly("a@b");
        assertThat(sealed.get("Description")).hasSize(2).allSatisfy(value -> assertThat(value)
                .startsWith(SealedValues.MARK).doesNotContain("p4ss", "w0rd"));
        assertThat(SealedValues.open(box, "job-1", sealed)).isEqualTo(image);
        assertThatThrownBy(() -> SealedValues.open(box, "job-2", sealed))
                .isInstanceOf(SecretUnavailableException.class);
        assertThatThrownBy(() -> SealedValues.open(new SecretBox(SecretBox.generateKey(), List.of()), "job-1", sealed))
                .isInstanceOf(SecretUnavailableException.class).hasMessageContaining("not configured");
    }

    @Test
    void anImageWithoutSealedValuesIsTheSameImage() {
        Map<String, List<String>> image = Map.of("mail", List.of("a@b"));
        assertThat(SealedValues.seal(box, "job-1", image, Set.of())).isSameAs(image);
        assertThat(SealedValues.open(box, "job-1", image)).isSameAs(image);
    }
}
