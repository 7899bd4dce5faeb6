package org.opensync.schemaservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.opensync.schemaservice.Requests.authorized;
import static org.opensync.schemaservice.Requests.json;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.JobSchemaPublished;
import org.opensync.common.events.Topics;
import org.opensync.testing.TopicProbe;

/** {@code .../schema/directories}: every write is a new schema version, published like a schema PUT. */
@QuarkusTest
class DirectoryDefinitionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String HR = """
            {"name":"HR","objects":[{"name":"Worker","attributes":[{"name":"id","type":"String","anchor":true}]}]}""";

    @Test
    void directoriesAreAddedRenamedReplacedAndRemovedEachAsANewPublishedVersion() {
        String[] job = Jobs.created();
        String directories = job[2] + "/directories";
        authorized().get(directories + "/$count").then().statusCode(200)
                .contentType(startsWith("text/plain")).body(equalTo("2"));
        String before = version(job);

        String id;
        try (TopicProbe schemas = TopicProbe.fromNow(Topics.SCHEMAS)) {
            id = json(HR).post(directories).then().statusCode(201)
                    .body("'@odata.context'", containsString("/schema/directories/$entity"))
                    .body("id", notNullValue()).body("name", equalTo("HR"))
                    .body("objects[0].attributes[0].anchor", equalTo(true))
                    .extract().path("id");
            JobSchemaPublished published = EventCodec.decode(schemas.awaitOne(
                    r -> r.key().equals(job[1]) && r.value().contains("Worker"), TIMEOUT).value(),
                    JobSchemaPublished.class);
            assertThat(published.schemaVersion()).isEqualTo(version(job)).isNotEqualTo(before);
        }
        json(HR).post(directories).then().statusCode(409).body("error.code", equalTo("conflict"))
                .body("error.target", equalTo("name"));
        json("{\"id\":\"payroll\",\"name\":\"Payroll\"}").post(directories).then().statusCode(201)
                .body("id", equalTo("payroll"));
        authorized().get(directories + "/$count").then().body(equalTo("4"));
        authorized().get(directories + "/" + id).then().statusCode(200).body("name", equalTo("HR"));

        json("{\"name\":\"People\"}").patch(directories + "/" + id).then().statusCode(204);
        authorized().get(directories + "/" + id).then().body("name", equalTo("People"))
                .body("objects", hasSize(1));
        json("{\"objects\":[]}").patch(directories + "/" + id).then().statusCode(204);
        authorized().get(directories + "/" + id).then().body("name", equalTo("People")).body("objects", hasSize(0));
        json("{\"name\":\"LDAP\"}").patch(directories + "/" + id).then().statusCode(409);
        String unchanged = version(job);
        json("{}").patch(directories + "/" + id).then().statusCode(204);
        assertThat(version(job)).isEqualTo(unchanged);
        json("{}").patch(directories + "/nope").then().statusCode(404);

        authorized().delete(directories + "/" + id).then().statusCode(204);
        authorized().get(directories + "/" + id).then().statusCode(404).body("error.code", equalTo("itemNotFound"));
        String ldap = authorized().get(directories).then().extract().path("value.find { it.name == 'LDAP' }.id");
        authorized().delete(directories + "/" + ldap).then().statusCode(409)
                .body("error.target", equalTo("synchronizationRules[0]"));
        authorized().get(directories + "/$count").then().body(equalTo("3"));
    }

    @Test
    void anInvalidDirectoryIsRejectedWithItsPath() {
        String[] job = Jobs.created();
        String directories = job[2] + "/directories";
        json("{\"name\":\"X\",\"discoverabilities\":\"\"}").post(directories).then().statusCode(400)
                .body("error.target", equalTo("directories[2].discoverabilities"));
        json("{\"objects\":[]}").post(directories).then().statusCode(400).body("error.target", equalTo("name"));
        json("[]").post(directories).then().statusCode(400).body("error.code", equalTo("invalidRequest"));
        authorized().get(directories + "/$count").then().body(equalTo("2"));
    }

    private static String version(String[] job) {
        return authorized().get(job[2]).then().statusCode(200).extract().path("version");
    }
}
