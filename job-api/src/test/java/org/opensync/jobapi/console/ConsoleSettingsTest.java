package org.opensync.jobapi.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleSettingsTest {

    @Test
    void withoutAClientIdThereIsNoProviderSignIn() {
        ConsoleSettings settings = ConsoleSettings.of(config(false, Optional.empty(), Optional.empty()),
                Optional.of("https://idp.example/realms/sync"));
        assertThat(settings.oidc()).isNull();
        assertThat(settings.developmentLogin()).isFalse();
    }

    @Test
    void theProviderDefaultsToTheIssuerTheApiVerifies() {
        ConsoleSettings settings = ConsoleSettings.of(config(false, Optional.of("sync-console"), Optional.empty()),
                Optional.of("https://idp.example/realms/sync/"));
        assertThat(settings.oidc()).isEqualTo(new ConsoleSettings.Oidc("https://idp.example/realms/sync",
                "sync-console", "openid"));
    }

    @Test
    void anAuthorityOfItsOwnWinsAndBlankValuesCountAsUnset() {
        assertThat(ConsoleSettings.of(config(true, Optional.of("c"), Optional.of("https://login.example/t/v2.0")),
                Optional.of("https://other.example")).oidc().authority()).isEqualTo("https://login.example/t/v2.0");
        assertThat(ConsoleSettings.of(config(true, Optional.of("c"), Optional.of(" ")), Optional.of(""))
                .oidc()).as("local profile: tokens verified with a key, no provider to send the browser to").isNull();
        assertThat(ConsoleSettings.of(config(true, Optional.of(" "), Optional.empty()), Optional.of("https://i"))
                .oidc()).isNull();
    }

    private static ConsoleConfig config(boolean developmentLogin, Optional<String> clientId,
                                        Optional<String> authority) {
        return new ConsoleConfig() {
            @Override
            public boolean developmentLogin() {
                return developmentLogin;
            }

            @Override
            public Oidc oidc() {
                return new Oidc() {
                    @Override
                    public Optional<String> clientId() {
                        return clientId;
                    }

                    @Override
                    public Optional<String> authority() {
                        return authority;
                    }

                    @Override
                    public String scope() {
                        return "openid";
                    }
                };
            }
        };
    }
}
