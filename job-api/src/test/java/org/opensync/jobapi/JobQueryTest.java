package org.opensync.jobapi;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.opensync.jobapi.GraphClient.asAdmin;
import static org.opensync.jobapi.GraphClient.json;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.TemplatePublished;
import org.opensync.common.events.Topics;
import org.opensync.jobapi.template.SynchronizationTemplate;
import org.opensync.testing.EventPublisher;

/** OData options on the jobs collection and a job: {@code $select}, {@code $top}, {@code $count}, paging. */
@QuarkusTest
class JobQueryTest {

    /** A service principal has one job per template: two more templates let it have three. */
    private static final List<String> MORE_TEMPLATES = List.of("scim-query-a", "scim-query-b");

    @Test
    void theListIsSelectedCountedAndPaged() {
        for (String template : MORE_TEMPLATES) {
            EventPublisher.publish(Topics.TEMPLATES, new TemplatePublished(UUID.randomUUID().toString(),
                    Instant.now(), template, "CustomSCIM", List.of(), Map.of()));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> MORE_TEMPLATES.stream().allMatch(id -> SynchronizationTemplate.findById(id) != null)));
        String[] first = GraphClient.newJob();
        String jobs = "/beta/servicePrincipals/" + first[0] + "/synchronization/jobs";
        List<String> ids = new ArrayList<>(List.of(first[1]));
        for (String template : MORE_TEMPLATES) {
            ids.add(json("{\"templateId\":\"" + template + "\"}").post(jobs).then().statusCode(201)
                    .extract().path("id"));
        }

        asAdmin().get(jobs + "/$count").then().statusCode(200).contentType("text/plain").body(equalTo("3"));
        asAdmin().get(jobs.replace("/beta/", "/v1.0/") + "/$count/").then().statusCode(200).body(equalTo("3"));

        var firstPage = asAdmin().queryParam("$top", 2).queryParam("$count", true).queryParam("$select", "templateId")
                .get(jobs).then().statusCode(200)
                .body("'@odata.context'", endsWith("/synchronization/jobs(templateId)"))
                .body("'@odata.count'", equalTo(3))
                .body("value", hasSize(2))
                .body("value[0].id", equalTo(ids.get(0)))
                .body("value[0].templateId", equalTo("scim"))
                .body("value[1].templateId", equalTo(MORE_TEMPLATES.get(0)))
                .body("value[0]", not(hasKey("schedule")))
                .extract();
        String next = firstPage.path("'@odata.nextLink'");
        org.assertj.core.api.Assertions.assertThat(next).contains("%24select=templateId").contains("%24top=2");
        asAdmin().urlEncodingEnabled(false).get(next).then().statusCode(200)
                .body("'@odata.count'", nullValue())
                .body("value", hasSize(1)).body("value[0].id", equalTo(ids.get(2)))
                .body("value[0]", not(hasKey("status")))
                .body("'@odata.nextLink'", nullValue());
        asAdmin().get(jobs).then().statusCode(200).body("value", hasSize(3)).body("'@odata.count'", nullValue())
                .body("value[0].schedule", notNullValue());
    }

    @Test
    void aJobIsSelected() {
        String[] job = GraphClient.newJob();
        asAdmin().queryParam("$select", "Schedule,status").get(GraphClient.jobPath(job)).then().statusCode(200)
                .body("'@odata.context'", endsWith("/synchronization/jobs(schedule,status)/$entity"))
                .body("id", equalTo(job[1]))
                .body("schedule.state", equalTo("Disabled"))
                .body("$", not(hasKey("templateId")));
    }

    @Test
    void badOptionsAre400() {
        String[] job = GraphClient.newJob();
        String jobs = "/beta/servicePrincipals/" + job[0] + "/synchronization/jobs";
        asAdmin().queryParam("$select", "shoeSize").get(jobs).then().statusCode(400)
                .body("error.code", equalTo("invalidRequest"));
        asAdmin().queryParam("$select", "id,shoeSize").get(GraphClient.jobPath(job)).then().statusCode(400);
        asAdmin().queryParam("$top", 0).get(jobs).then().statusCode(400);
        asAdmin().queryParam("$top", "x").get(jobs).then().statusCode(400);
        asAdmin().queryParam("$skiptoken", "forged").get(jobs).then().statusCode(400);
    }
}
