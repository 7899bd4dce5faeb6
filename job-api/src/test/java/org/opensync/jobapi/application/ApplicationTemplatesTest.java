package org.opensync.jobapi.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opensync.common.web.GraphException;

class ApplicationTemplatesTest {

    @Test
    void theCustomTemplateIsKnownInAnyCase() {
        assertThat(ApplicationTemplates.find(ApplicationTemplates.CUSTOM.toUpperCase())).get()
                .extracting(ApplicationTemplate::displayName).isEqualTo("Custom");
        assertThat(ApplicationTemplates.find("not-a-template")).isEmpty();
    }

    @Test
    void filtersByDisplayNameAndIdIgnoringCase() {
        assertThat(ApplicationTemplates.filter(null)).isEqualTo(ApplicationTemplates.ALL);
        assertThat(ApplicationTemplates.filter("displayName eq 'custom'")).extracting(ApplicationTemplate::id)
                .containsExactly(ApplicationTemplates.CUSTOM);
        assertThat(ApplicationTemplates.filter("DisplayName EQ 'Custom' ")).hasSize(1);
        assertThat(ApplicationTemplates.filter("id eq '" + ApplicationTemplates.CUSTOM + "'")).hasSize(1);
        assertThat(ApplicationTemplates.filter("startswith(displayName,'opensync')"))
                .extracting(ApplicationTemplate::displayName).containsExactly("OpenSync SCIM 2.0 provisioning");
        assertThat(ApplicationTemplates.filter("startswith( displayName , 'nothing''s here')")).isEmpty();
    }

    @Test
    void anyOtherFilterIsRefused() {
        for (String filter : new String[]{"publisher eq 'x'", "displayName ne 'x'", "displayName eq x",
                "contains(displayName,'x')", "displayName eq 'a' or displayName eq 'b'"}) {
            assertThatThrownBy(() -> ApplicationTemplates.filter(filter)).as(filter)
                    .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }
}
