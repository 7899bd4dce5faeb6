package org.opensync.schemaservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.opensync.schemaservice.Requests.authorized;
import static org.opensync.schemaservice.Requests.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.JobSchemaPublished;
import org.opensync.common.events.Topics;
import org.opensync.schemaservice.schema.JobSchemaEntity;
import org.opensync.testing.TopicProbe;

/**
 * Concurrent schema writes are applied one after the other, each whole, with increasing versions published in that
 * order; oversized schemas and expressions are refused with the JSON path.
 */
@QuarkusTest
class SchemaConcurrencyAndLimitsTest {
    private static final int PARALLEL = 8;
    private static final String MAPPING = "synchronizationRules[0].objectMappings[0].attributeMappings[0]";

    @Inject
    ObjectMapper mapper;

    @Test
    void concurrentPutsAndPatchesAreSerialisedAndPublishedInVersionOrder() throws Exception {
        String[] job = Jobs.created();
        ObjectNode original = current(job);
        try (TopicProbe schemas = TopicProbe.fromNow(Topics.SCHEMAS)) {
            List<Callable<Response>> writes = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                if (i % 2 == 0) {
                    ObjectNode patch = mapper.createObjectNode();
                    ObjectNode withMarker = original.deepCopy();
                    marker(withMarker, "patch-" + i);
                    patch.set("synchronizationRules", withMarker.get("synchronizationRules"));
                    writes.add(() -> json(patch.toString()).patch(job[2]));
                } else {
                    ObjectNode patch = mapper.createObjectNode();
                    ArrayNode directories = original.withArray("directories").deepCopy();
                    ((ObjectNode) directories.get(0)).put("discoveryDateTime", "2026-01-0" + i + "T00:00:00Z");
                    patch.set("directories", directories);
                    writes.add(() -> json(patch.toString()).patch(job[2]));
                }
            }
            for (Response response : race(writes)) {
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(204);
            }
            ObjectNode stored = current(job);
            // no PATCH merged into a stale copy: the rules of one and the directories of another are both there
            assertThat(markerOf(stored)).startsWith("patch-");
            assertThat(stored.at("/directories/0/discoveryDateTime").asText()).startsWith("2026-01-0");
            assertThat(QuarkusTransaction.requiringNew().call(
                    () -> JobSchemaEntity.<JobSchemaEntity>findById(job[1]).revision)).isEqualTo(PARALLEL);

            // PUTs replace whole: the stored schema is exactly one of them
            List<Callable<Response>> puts = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                ObjectNode put = stored.deepCopy();
                marker(put, "put-" + i);
                ((ObjectNode) put.at("/synchronizationRules/0")).put("priority", 100 + i);
                puts.add(() -> json(put.toString()).put(job[2]));
            }
            for (Response response : race(puts)) {
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(204);
            }
            ObjectNode replaced = current(job);
            int winner = replaced.at("/synchronizationRules/0/priority").asInt() - 100;
            assertThat(markerOf(replaced)).isEqualTo("put-" + winner);

            List<ConsumerRecord<String, String>> published = schemas.await(TopicProbe.keyed(job[1]), 2 * PARALLEL,
                    Duration.ofSeconds(20));
            assertThat(published).hasSize(2 * PARALLEL);
            List<String> versions = published.stream()
                    .map(r -> EventCodec.decode(r.value(), JobSchemaPublished.class).schemaVersion()).toList();
            assertThat(versions).isSorted().doesNotHaveDuplicates();
            // each schema carries its revision (the template's copy was 0), so a mirror can ignore a late older one
            assertThat(published).extracting(r -> EventCodec.decode(r.value(), JobSchemaPublished.class)
                    .schemaRevision()).containsExactlyElementsOf(LongStream.rangeClosed(1,
                    2L * PARALLEL).boxed().toList());
            assertThat(versions.get(2 * PARALLEL - 1)).isEqualTo(replaced.path("version").asText());
            JobSchemaPublished last = EventCodec.decode(published.get(2 * PARALLEL - 1).value(),
                    JobSchemaPublished.class);
            assertThat(markerOf((ObjectNode) last.schema())).isEqualTo("put-" + winner);
        }
    }

    @Test
    void aWriteConditionalOnTheVersionItReadIsRefusedOnceAnotherWriteCameBetween() throws Exception {
        String[] job = Jobs.created();
        ObjectNode read = (ObjectNode) mapper.readTree(authorized().get(job[2]).then().statusCode(200)
                .extract().asString());
        String version = read.path("version").asText();
        read.remove("@odata.context");

        json(read.toString()).header("If-Match", "\"" + version + "\"").put(job[2]).then().statusCode(204);
        String second = authorized().get(job[2]).then().extract().path("version");
        json(read.toString()).header("If-Match", version).put(job[2]).then().statusCode(412)
                .body("error.code", equalTo("conflict"))
                .body("error.message", containsString(second));
        json("{\"synchronizationRules\":" + read.get("synchronizationRules") + "}").header("If-Match", version)
                .patch(job[2]).then().statusCode(412);
        assertThat(authorized().get(job[2]).then().extract().<String>path("version")).isEqualTo(second);
        json(read.toString()).header("If-Match", second).put(job[2]).then().statusCode(204);
        json(read.toString()).header("If-Match", "*").put(job[2]).then().statusCode(204);
    }

    @Test
    void anOversizedSchemaIsRefused() throws Exception {
        String[] job = Jobs.created();
        ObjectNode schema = current(job);
        String before = schema.path("version").asText();
        ArrayNode metadata = (ArrayNode) schema.at("/synchronizationRules/0/metadata");
        for (int i = 0; i < 200; i++) {
            metadata.addObject().put("key", "k" + i).put("value", "v".repeat(4000));
        }
        json(schema.toString()).put(job[2]).then().statusCode(400)
                .body("error.code", equalTo("invalidRequest"))
                .body("error.message", containsString("524288"));

        ObjectNode longString = current(job);
        ((ObjectNode) longString.at("/synchronizationRules/0")).put("name", "n".repeat(4097));
        json(longString.toString()).put(job[2]).then().statusCode(400)
                .body("error.target", equalTo("synchronizationRules[0].name"));

        ObjectNode longExpression = current(job);
        ((ObjectNode) longExpression.at("/synchronizationRules/0/objectMappings/0/attributeMappings/0/source"))
                .put("expression", "Trim([mail])" + " ".repeat(8192));
        json(longExpression.toString()).patch(job[2]).then().statusCode(400)
                .body("error.target", equalTo(MAPPING + ".source.expression"))
                .body("error.message", containsString("8192"));

        String body = "{\"synchronizationRules\":[{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}]}";
        json(body.getBytes()).put(job[2]).then().statusCode(413)
                .body("error.code", equalTo("requestEntityTooLarge"))
                .body("error.innerError.request-id", notNullValue());

        authorized().get(job[2]).then().statusCode(200).body("version", equalTo(before));
    }

    private static void marker(ObjectNode schema, String value) {
        ArrayNode metadata = (ArrayNode) schema.at("/synchronizationRules/0/metadata");
        for (int i = metadata.size() - 1; i >= 0; i--) {
            if ("marker".equals(metadata.get(i).path("key").asText())) {
                metadata.remove(i);
            }
        }
        metadata.addObject().put("key", "marker").put("value", value);
    }

    private static String markerOf(ObjectNode schema) {
        for (JsonNode entry : schema.at("/synchronizationRules/0/metadata")) {
            if ("marker".equals(entry.path("key").asText())) {
                return entry.path("value").asText();
            }
        }
        return "";
    }

    private ObjectNode current(String[] job) throws Exception {
        return (ObjectNode) mapper.readTree(authorized().get(job[2]).then().statusCode(200).extract().asString());
    }

    private static List<Response> race(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
