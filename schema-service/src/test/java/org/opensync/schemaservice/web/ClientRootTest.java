package org.opensync.schemaservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientRootTest {

    @Test
    void onlyAnAbsoluteWebUrlWithNothingAfterItsPathIsARoot() {
        assertThat(ClientRoot.wellFormed("https://api.example.org/")).contains("https://api.example.org");
        assertThat(ClientRoot.wellFormed("http://localhost:8081/graph")).contains("http://localhost:8081/graph");
        assertThat(ClientRoot.wellFormed("javascript:alert(1)")).isEmpty();
        assertThat(ClientRoot.wellFormed("/relative")).isEmpty();
        assertThat(ClientRoot.wellFormed("https://user:pw@api.example.org")).isEmpty();
        assertThat(ClientRoot.wellFormed("https://api.example.org/?a=b")).isEmpty();
        assertThat(ClientRoot.wellFormed("https://api.example.org/#x")).isEmpty();
        assertThat(ClientRoot.wellFormed("https://api example.org")).isEmpty();
        assertThat(ClientRoot.wellFormed("https://api.example.org/" + "a".repeat(3000))).isEmpty();
    }
}
