package org.opensync.provisioner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensync.mapping.apply.MatchingValue;
import org.opensync.mapping.value.Value;

class MatchingClaimsTest {
    private final MatchingClaims claims = new MatchingClaims();

    @Test
    void aValueClaimedByAnObjectInFlightIsACollisionForAnotherOneUntilReleased() {
        List<MatchingValue> first = List.of(value("userName", "Marie@Example.org"), value("externalId", "1"));
        List<MatchingValue> twin = List.of(value("userName", "marie@example.org"), value("externalId", "2"));
        assertThat(claims.claim("job", "User", "anchor-1", first)).isEmpty();

        assertThat(claims.claim("job", "User", "anchor-2", twin)).hasValueSatisfying(collision -> {
            assertThat(collision.anchor()).isEqualTo("anchor-1");
            assertThat(collision.attribute()).isEqualTo("userName");
            assertThat(collision.value()).isEqualTo("marie@example.org");
        });
        assertThat(claims.claim("job", "User", "anchor-1", first)).as("the holder may claim again").isEmpty();
        assertThat(claims.claim("other-job", "User", "anchor-2", twin)).as("jobs do not collide").isEmpty();
        assertThat(claims.claim("job", "Group", "anchor-3", twin)).as("types do not collide").isEmpty();

        claims.release("job", "User", "anchor-1", first);
        assertThat(claims.claim("job", "User", "anchor-2", twin)).isEmpty();
    }

    @Test
    void aCollisionLeavesNothingClaimedByTheLoser() {
        assertThat(claims.claim("job", "User", "anchor-1", List.of(value("externalId", "9")))).isEmpty();
        assertThat(claims.claim("job", "User", "anchor-2", List.of(value("userName", "x"), value("externalId", "9"))))
                .isPresent();
        assertThat(claims.claim("job", "User", "anchor-3", List.of(value("userName", "x")))).as("not kept by the loser")
                .isEmpty();
    }

    private static MatchingValue value(String attribute, String text) {
        return new MatchingValue(attribute, 1, Value.text(text), null);
    }
}
