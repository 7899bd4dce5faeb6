package org.opensync.jobapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.opensync.jobapi.GraphClient.asAdmin;
import static org.opensync.jobapi.GraphClient.json;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.Topics;
import org.opensync.common.secrets.SecretBox;
import org.opensync.common.secrets.SecretsChanged;
import org.opensync.jobapi.synchronization.ServicePrincipalSecret;
import org.opensync.testing.TopicProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@QuarkusTest
class SecretsTest {
    private static final String TOKEN = "eyJ0eXAiOi-example-token";

    /** Listed among the previous at-rest keys in the test configuration, as after a rotation. */
    private static final String PREVIOUS_AT_REST_KEY = "dGVzdC1wcmV2aW91cy1hdC1yZXN0LWtleS0wMDAwMDE=";

    @ConfigProperty(name = "sync.secrets.transport-key")
    String transportKey;

    @ConfigProperty(name = "sync.secrets.at-rest-key")
    String atRestKey;

    @Test
    void secretsAreWriteOnlySealedAtRestAndSealedOnTheTopic() {
        String[] job = GraphClient.newJob();
        String spId = job[0];
        GraphClient.getJob(job).body("status.code", equalTo("NotConfigured"));
        try (TopicProbe secrets = TopicProbe.fromNow(Topics.SECRETS)) {
            json("{\"value\":[{\"key\":\"BaseAddress\",\"value\":\"https://scim.example/v2\"},"
                    + "{\"key\":\"secrettoken\",\"value\":\"" + TOKEN + "\"},{\"key\":\"SyncAll\",\"value\":\"False\"}]}")
                    .put("/beta/servicePrincipals/" + spId + "/synchronization/secrets")
                    .then().statusCode(204);

            asAdmin().get("/beta/servicePrincipals/" + spId + "/synchronization").then().statusCode(200)
                    .body("id", equalTo(spId))
                    .body("secrets", hasSize(3))
                    .body("secrets.key", containsInAnyOrder("BaseAddress", "SecretToken", "SyncAll"))
                    .body("secrets.find { it.key == 'SecretToken' }.value", nullValue())
                    .body("secrets.find { it.key == 'BaseAddress' }.value", equalTo("https://scim.example/v2"));
            assertThat(asAdmin().get("/beta/servicePrincipals/" + spId + "/synchronization/secrets/$count")
                    .then().statusCode(200).extract().asString()).isEqualTo("3");
            GraphClient.getJob(job).body("status.code", equalTo("NotRun"));

            assertThat(storedSealed(UUID.fromString(spId))).doesNotContain(TOKEN).doesNotContain("scim.example");
            ConsumerRecord<String, String> record = secrets.awaitOne(TopicProbe.keyed(spId), Duration.ofSeconds(15));
            assertThat(record.value()).doesNotContain(TOKEN).doesNotContain("scim.example");
            SecretsChanged changed = EventCodec.decode(record.value(), SecretsChanged.class);
            String opened = new SecretBox(transportKey, List.of()).open(changed.sealed(), spId);
            assertThat(opened).contains(TOKEN).contains("https://scim.example/v2");
        }
    }

    @Test
    void aTargetDirectorysSecretsAreAcceptedAndItsPasswordIsWriteOnly() {
        String spId = GraphClient.newJob()[0];
        json("{\"value\":[{\"key\":\"TargetServer\",\"value\":\"ldaps://dc.example.org:636\"},"
                + "{\"key\":\"TargetDomain\",\"value\":\"dc=example,dc=org\"},"
                + "{\"key\":\"TargetUserName\",\"value\":\"cn=provisioner,dc=example,dc=org\"},"
                + "{\"key\":\"TargetPassword\",\"value\":\"" + TOKEN + "\"},"
                + "{\"key\":\"DisableMode\",\"value\":\"MoveToLeavers\"},"
                + "{\"key\":\"LeaversContainer\",\"value\":\"ou=leavers,dc=example,dc=org\"}]}")
                .put("/beta/servicePrincipals/" + spId + "/synchronization/secrets")
                .then().statusCode(204);

        asAdmin().get("/beta/servicePrincipals/" + spId + "/synchronization").then().statusCode(200)
                .body("secrets", hasSize(6))
                .body("secrets.find { it.key == 'TargetPassword' }.value", nullValue())
                .body("secrets.find { it.key == 'TargetServer' }.value", equalTo("ldaps://dc.example.org:636"))
                .body("secrets.find { it.key == 'DisableMode' }.value", equalTo("MoveToLeavers"));
    }

    @Test
    void allThreeBodySpellingsReplaceTheWholeSet() {
        String spId = GraphClient.newServicePrincipal("secrets-spellings");
        String path = "/beta/servicePrincipals/" + spId + "/synchronization/secrets";
        json("{\"credentials\":[{\"key\":\"BaseAddress\",\"value\":\"a\"},{\"key\":\"SyncAll\",\"value\":\"True\"}]}")
                .put(path).then().statusCode(204);
        json("[{\"key\":\"BaseAddress\",\"value\":\"b\"}]").put(path).then().statusCode(204);
        asAdmin().get("/beta/servicePrincipals/" + spId + "/synchronization").then()
                .body("secrets", hasSize(1)).body("secrets[0].value", equalTo("b"));
    }

    @Test
    void badSecretsAreRejectedAndKeepTheStoredSet() {
        String spId = GraphClient.newServicePrincipal("bad-secrets");
        String path = "/beta/servicePrincipals/" + spId + "/synchronization/secrets";
        json("{\"value\":[{\"key\":\"BaseAddress\",\"value\":\"kept\"}]}").put(path).then().statusCode(204);
        json("{\"value\":[{\"key\":\"NoSuchKey\",\"value\":\"x\"}]}").put(path).then().statusCode(400)
                .body("error.code", equalTo("invalidRequest")).body("error.target", equalTo("NoSuchKey"));
        json("{\"value\":[{\"key\":\"BaseAddress\",\"value\":\"x\"},{\"key\":\"baseaddress\",\"value\":\"y\"}]}")
                .put(path).then().statusCode(400).body("error.message", containsString("more than once"));
        json("{\"value\":{\"key\":\"BaseAddress\"}}").put(path).then().statusCode(400);
        json("{\"value\":[{\"key\":\"BaseAddress\",\"value\":42}]}").put(path).then().statusCode(400);
        asAdmin().get("/beta/servicePrincipals/" + spId + "/synchronization").then()
                .body("secrets[0].value", equalTo("kept"));
        asAdmin().get("/beta/servicePrincipals/" + UUID.randomUUID() + "/synchronization").then().statusCode(404);
    }

    @Test
    void aSetSealedWithThePreviousAtRestKeyStillReadsAndARewriteSealsItWithTheActiveKey() {
        String spId = GraphClient.newServicePrincipal("rotated-secrets");
        String path = "/beta/servicePrincipals/" + spId + "/synchronization/secrets";
        json("{\"value\":[{\"key\":\"BaseAddress\",\"value\":\"https://before.example/v2\"}]}").put(path)
                .then().statusCode(204);
        sealAgainWith(UUID.fromString(spId), PREVIOUS_AT_REST_KEY);
        assertThat(storedSealed(UUID.fromString(spId)))
                .startsWith("v1:" + new SecretBox(PREVIOUS_AT_REST_KEY, List.of()).activeKeyId() + ":");

        asAdmin().get("/beta/servicePrincipals/" + spId + "/synchronization").then().statusCode(200)
                .body("secrets[0].value", equalTo("https://before.example/v2"));

        json("{\"value\":[{\"key\":\"BaseAddress\",\"value\":\"https://after.example/v2\"}]}").put(path)
                .then().statusCode(204);
        assertThat(storedSealed(UUID.fromString(spId)))
                .startsWith("v1:" + new SecretBox(atRestKey, List.of()).activeKeyId() + ":");
        asAdmin().get("/beta/servicePrincipals/" + spId + "/synchronization").then().statusCode(200)
                .body("secrets[0].value", equalTo("https://after.example/v2"));
    }

    /**
     * A set sealed with a key that was retired too early cannot be read: every route that needs it answers a Graph
     * error that says to enter the secrets again (naming the key by its id only), and a PUT of a new set works.
     */
    @Test
    void aSetSealedWithARetiredKeyAsksForTheSecretsAgain() {
        String[] job = GraphClient.newJob();
        String spId = job[0];
        String path = "/beta/servicePrincipals/" + spId + "/synchronization/secrets";
        json("{\"value\":[{\"key\":\"BaseAddress\",\"value\":\"https://before.example/v2\"}]}").put(path)
                .then().statusCode(204);
        String retiredKey = SecretBox.generateKey();
        sealAgainWith(UUID.fromString(spId), retiredKey);
        String keyId = new SecretBox(retiredKey, List.of()).activeKeyId();

        for (String read : List.of("/beta/servicePrincipals/" + spId + "/synchronization", path + "/$count")) {
            asAdmin().get(read).then().statusCode(409)
                    .body("error.code", equalTo("CredentialsUnreadable"))
                    .body("error.message", containsString(keyId))
                    .body("error.message", containsString("PUT"))
                    .body("error.message", not(containsString(retiredKey)))
                    .body("error.innerError.request-id", notNullValue());
        }
        json("{\"useSavedCredentials\":true}").post(GraphClient.jobPath(job) + "/validateCredentials")
                .then().statusCode(409).body("error.code", equalTo("CredentialsUnreadable"));

        json("{\"value\":[{\"key\":\"BaseAddress\",\"value\":\"https://again.example/v2\"}]}").put(path)
                .then().statusCode(204);
        asAdmin().get("/beta/servicePrincipals/" + spId + "/synchronization").then().statusCode(200)
                .body("secrets[0].value", equalTo("https://again.example/v2"));
    }

    /** The stored set as it was before a rotation: sealed with another key. */
    @Transactional
    void sealAgainWith(UUID spId, String key) {
        ServicePrincipalSecret stored = ServicePrincipalSecret.findById(spId);
        String plain = new SecretBox(atRestKey, List.of()).open(stored.sealed, spId.toString());
        stored.sealed = new SecretBox(key, List.of()).seal(plain, spId.toString());
    }

    @Transactional
    String storedSealed(UUID spId) {
        return ServicePrincipalSecret.<ServicePrincipalSecret>findById(spId).sealed;
    }
}
