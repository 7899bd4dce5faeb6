package org.opensync.connectors.scim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScimSettingsTest {

    @Test
    void theCompliantFlagChoosesThePatchModeAndIsStripped() {
        ScimSettings settings = ScimSettings.builder("https://app.example.com/scim/v2/?aadOptscim062020").build();
        assertThat(settings.patchMode()).isEqualTo(PatchMode.COMPLIANT);
        assertThat(settings.baseUrl()).isEqualTo("https://app.example.com/scim/v2");
        assertThat(settings.keptQuery()).isEmpty();
    }

    @Test
    void otherQueryParametersAreKeptAndTheRollbackFlagWins() {
        ScimSettings settings = ScimSettings.builder(
                "https://app.example.com/scim?tenant=42&aadOptscim062020&AzureAdScimPatch2017").build();
        assertThat(settings.patchMode()).isEqualTo(PatchMode.LEGACY);
        assertThat(settings.keptQuery()).isEqualTo("tenant=42");
        assertThat(ScimSettings.builder("http://h/scim").build().patchMode()).isEqualTo(PatchMode.LEGACY);
    }

    @Test
    void compatibilityFlagsChooseManagerAndBooleanFormatsAndAreStripped() {
        ScimSettings settings = ScimSettings.builder(
                "https://app.example.com/scim?opensyncManager=complex&tenant=7&opensyncBooleans=json").build();
        assertThat(settings.managerFormat()).isEqualTo(ManagerFormat.COMPLEX);
        assertThat(settings.booleanFormat()).isEqualTo(BooleanFormat.JSON);
        assertThat(settings.patchMode()).isEqualTo(PatchMode.LEGACY);
        assertThat(settings.keptQuery()).isEqualTo("tenant=7");
        assertThat(ScimSettings.builder("http://h/scim?OPENSYNCMANAGER=path").build().managerFormat())
                .isEqualTo(ManagerFormat.PATH);
        ScimSettings defaults = ScimSettings.builder("http://h/scim?aadOptscim062020").build();
        assertThat(defaults.managerFormat()).isEqualTo(ManagerFormat.PLAIN_STRING);
        assertThat(defaults.booleanFormat()).as("the compliant dialect's").isEqualTo(BooleanFormat.JSON);
        assertThatThrownBy(() -> ScimSettings.builder("http://h/scim?opensyncManager=xml").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("string, complex or path");
    }

    @Test
    void defaultsAndValidation() {
        ScimSettings settings = ScimSettings.builder("http://h/scim").secretToken("secret").build();
        assertThat(settings.requestsPerSecond()).isEqualTo(25);
        assertThat(settings.memberChunkSize()).isEqualTo(50);
        assertThat(settings.requestsInFlight()).isEqualTo(16);
        assertThat(settings.maxRetries()).isEqualTo(3);
        assertThat(settings.toString()).doesNotContain("secret");
        assertThatThrownBy(() -> ScimSettings.builder("ftp://h/scim").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScimSettings.builder("http://h").memberChunkSize(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScimSettings.builder("http://h").requestsInFlight(0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
