package org.opensync.connectors.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Target attribute names taken apart, the same whether parsed for the first time or found among those parsed. */
class TargetAttributeTest {

    @Test
    void eachKindOfNameIsTakenApartAlikeEveryTime() {
        for (int time = 0; time < 2; time++) {
            assertThat(TargetAttribute.parse("userName")).isEqualTo(new TargetAttribute("userName",
                    TargetAttribute.Kind.SIMPLE, "userName", null, null, null, null));
            assertThat(TargetAttribute.parse("name.givenName")).isEqualTo(new TargetAttribute("name.givenName",
                    TargetAttribute.Kind.DOTTED, "name", "givenName", null, null, null));
            assertThat(TargetAttribute.parse("emails[type eq \"wo\\\"rk\"].value")).isEqualTo(new TargetAttribute(
                    "emails[type eq \"wo\\\"rk\"].value", TargetAttribute.Kind.FILTERED, "emails", "value", null,
                    "type", "wo\"rk"));
            TargetAttribute manager = TargetAttribute.parse(ScimSchemas.ENTERPRISE_USER + ":manager");
            assertThat(manager.kind()).isEqualTo(TargetAttribute.Kind.EXTENSION);
            assertThat(manager.isManager()).isTrue();
        }
    }

    @Test
    void anUnsupportedPathIsRefusedEveryTime() {
        for (int time = 0; time < 2; time++) {
            assertThatThrownBy(() -> TargetAttribute.parse("emails[type ne \"work\"].value"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported");
        }
    }
}
