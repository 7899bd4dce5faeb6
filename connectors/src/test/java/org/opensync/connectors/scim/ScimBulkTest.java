package org.opensync.connectors.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.opensync.sandbox.scim.FaultRule;
import org.opensync.sandbox.scim.Malformation;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.sandbox.scim.ScimServerConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** createEach against the sandbox: what goes in bulks, what is sent again alone, and what never is. */
class ScimBulkTest extends SandboxScimServer {

    @Test
    void createsEveryBodyInOneBulk() {
        ScimClient client = client();
        assertThat(client.bulkSupport()).isEqualTo(new BulkSupport(true, 1_000, 1_048_576));

        List<BulkResult> results = client.createEach(ScimResourceType.USER, users("one", "two", "three", "four"));

        assertThat(results).allSatisfy(result -> assertThat(result.succeeded()).isTrue());
        assertThat(results).extracting(result -> result.created().json().get("userName").asText())
                .containsExactly("one", "two", "three", "four");
        assertThat(results).extracting(result -> result.created().id()).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(server.users().find("id eq \"" + id + "\"")).hasSize(1));
        assertThat(journal("POST", "/Bulk")).hasSize(1);
        assertThat(singles("POST", "/Users")).isEmpty();
        assertThat(journal("GET", "/ServiceProviderConfig")).hasSize(1);
        client.createEach(ScimResourceType.USER, users("five"));
        assertThat(journal("GET", "/ServiceProviderConfig")).as("read once per client").hasSize(1);
    }

    @Test
    void aFailingOperationGetsTheErrorASinglePostGets() {
        ScimClient client = client();
        client.create(ScimResourceType.USER, user("taken"));

        List<BulkResult> results = client.createEach(ScimResourceType.USER, users("first", "TAKEN", "last"));

        assertThat(results.get(0).succeeded()).isTrue();
        assertThat(results.get(2).succeeded()).isTrue();
        ScimException inBulk = results.get(1).failure();
        ScimException single = failure(() -> client.create(ScimResourceType.USER, user("TAKEN")));
        assertSame(inBulk, single);
        assertThat(inBulk.errorCode()).isEqualTo(ScimErrorCode.EntryConflict);
        assertThat(singles("POST", "/Users")).hasSize(2);
        assertThat(server.users().size()).isEqualTo(3);
    }

    @Test
    void aServiceProviderConfigThatCannotBeReadNowIsNotAskedForAtEveryCreate() {
        server.faults().add(FaultRule.respond(503).onMethod("GET").onPath("/ServiceProviderConfig"));
        ScimClient client = client();
        assertThat(client.bulkSupport()).isEqualTo(BulkSupport.NONE);
        int asked = journal("GET", "/ServiceProviderConfig").size();
        server.faults().clear();

        client.createEach(ScimResourceType.USER, users("a", "b"));

        assertThat(client.bulkSupport()).as("no bulk for now").isEqualTo(BulkSupport.NONE);
        assertThat(journal("GET", "/ServiceProviderConfig")).hasSize(asked);
        assertThat(singles("POST", "/Users")).hasSize(2);
    }

    @Test
    void aTargetWithoutBulkGetsSinglePostsWithTheSameResults() {
        server.quirks().noBulk(true);
        ScimClient client = client();
        client.create(ScimResourceType.USER, user("taken"));
        assertThat(client.bulkSupport()).isEqualTo(BulkSupport.NONE);

        List<BulkResult> results = client.createEach(ScimResourceType.USER, users("a", "taken", "b"));

        assertThat(results).extracting(BulkResult::succeeded).containsExactly(true, false, true);
        assertThat(results.get(1).failure().errorCode()).isEqualTo(ScimErrorCode.EntryConflict);
        assertThat(journal("POST", "/Bulk")).isEmpty();
        assertThat(singles("POST", "/Users")).hasSize(4);
    }

    @Test
    void aBulkRefusedAsAWholeIsSentAgainAsSinglePosts() {
        server.faults().add(FaultRule.respond(503).onMethod("POST").onPath("/Bulk").times(1));

        List<BulkResult> results = client().createEach(ScimResourceType.USER, users("x1", "x2", "x3"));

        assertThat(results).allSatisfy(result -> assertThat(result.succeeded()).isTrue());
        assertThat(journal("POST", "/Bulk")).extracting(entry -> entry.status()).containsExactly(503);
        assertThat(singles("POST", "/Users")).extracting(entry -> entry.status()).containsExactly(201, 201, 201);
        assertExactlyOnce("x1", "x2", "x3");
    }

    /** A 500, a lost connection or an unreadable 200 may follow a carried-out bulk: repeating it could duplicate. */
    @Test
    void aBulkThatMayHaveBeenCarriedOutIsNeverRepeated() {
        server.faults().add(FaultRule.respond(500).onMethod("POST").onPath("/Bulk").times(1));
        List<BulkResult> failed = client().createEach(ScimResourceType.USER, users("s1", "s2"));
        assertThat(failed).allSatisfy(result -> {
            assertThat(result.failure().errorCode()).isEqualTo(ScimErrorCode.InternalServerError);
            assertThat(result.failure().transientFailure()).isTrue();
        });

        server.faults().add(FaultRule.dropConnection().onMethod("POST").onPath("/Bulk").times(1));
        List<BulkResult> dropped = client().createEach(ScimResourceType.USER, users("d1", "d2"));
        assertThat(dropped).allSatisfy(result -> {
            assertThat(result.failure().status()).isZero();
            assertThat(result.failure().transientFailure()).isTrue();
        });

        server.faults().add(FaultRule.malformed(Malformation.INVALID_JSON).onMethod("POST").onPath("/Bulk").times(1));
        List<BulkResult> unreadable = client().createEach(ScimResourceType.USER, users("m1", "m2"));
        assertThat(unreadable).allSatisfy(result -> assertThat(result.failure().errorCode())
                .isEqualTo(ScimErrorCode.SystemForCrossDomainIdentityManagementServiceIncompatible));

        assertThat(singles("POST", "/Users")).isEmpty();
        // The malformed answer's bulk was carried out: its users exist, once.
        assertExactlyOnce("m1", "m2");
        assertThat(server.users().size()).isEqualTo(2);
    }

    @Test
    void theTargetsLimitsCutTheRequests() {
        try (ScimServer small = new ScimServer(ScimServerConfig.defaults().withBulkLimits(2, 1_500)).start()) {
            ScimClient client = new ScimClient(settings(small, "").build());
            List<ObjectNode> bodies = users("a", "b", "big", "c", "d", "e");
            bodies.set(2, user("big").put("displayName", "x".repeat(2_000)));

            List<BulkResult> results = client.createEach(ScimResourceType.USER, bodies);

            assertThat(results).allSatisfy(result -> assertThat(result.succeeded()).isTrue());
            assertThat(results).extracting(result -> result.created().json().get("userName").asText())
                    .containsExactly("a", "b", "big", "c", "d", "e");
            assertThat(small.journal().matching("POST", "/Bulk"))
                    .extracting(entry -> entry.json().get("Operations").size()).containsExactly(2, 2, 1);
            assertThat(small.journal().matching("POST", "/Users")).filteredOn(entry -> !entry.inBulk()).hasSize(1);
            assertThat(small.journal().matching("POST", "/Bulk"))
                    .allSatisfy(entry -> assertThat(entry.body().length()).isLessThanOrEqualTo(1_500));
        }
    }

    @Test
    void anOperationAnswered429IsSentAgainAloneAnd500IsNot() {
        // The sandbox applies a POST /Users rule to that operation inside the bulk, once.
        server.faults().add(FaultRule.respond(429).onMethod("POST").onPath("/Users").times(1));
        server.quirks().rejectAttributeWith500("title");
        ScimClient client = client();
        List<ObjectNode> bodies = users("t1", "t2", "t3");
        bodies.get(2).put("title", "Boss");

        List<BulkResult> results = client.createEach(ScimResourceType.USER, bodies);

        assertThat(results).extracting(BulkResult::succeeded).containsExactly(true, true, false);
        assertThat(singles("POST", "/Users")).extracting(entry -> entry.json().get("userName").asText())
                .containsExactly("t1");
        assertExactlyOnce("t1", "t2");
        assertThat(server.users().size()).isEqualTo(2);
        assertSame(results.get(2).failure(), failure(() -> client.create(ScimResourceType.USER, bodies.get(2))));
        assertThat(results.get(2).failure().errorCode()).isEqualTo(ScimErrorCode.InternalServerError);
    }

    @Test
    void eachOperationCountsForTheRateLimit() {
        ScimClient client = new ScimClient(settings().requestsPerSecond(20).build());
        client.bulkSupport();
        client.createEach(ScimResourceType.USER, users(IntStream.range(0, 10).mapToObj(i -> "r" + i)
                .toArray(String[]::new)));
        long start = System.nanoTime();
        client.findUnique(ScimResourceType.USER, "userName", "r0");
        // Ten operations at 20 per second keep the next request waiting about half a second.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(300));
    }

    @Test
    void bodiesThatLookLikeBulkIdReferencesGoAlone() {
        List<ObjectNode> bodies = users("plain", "odd");
        bodies.get(1).put("nickName", "bulkId:odd");

        List<BulkResult> results = client().createEach(ScimResourceType.USER, bodies);

        assertThat(results).allSatisfy(result -> assertThat(result.succeeded()).isTrue());
        assertThat(results.get(1).created().json().get("nickName").asText()).isEqualTo("bulkId:odd");
        assertThat(singles("POST", "/Users")).hasSize(1);
    }

    private void assertExactlyOnce(String... userNames) {
        for (String userName : userNames) {
            assertThat(server.users().find("userName eq \"" + userName + "\"")).as(userName).hasSize(1);
        }
    }

    private static void assertSame(ScimException actual, ScimException expected) {
        assertThat(actual.errorCode()).isEqualTo(expected.errorCode());
        assertThat(actual.status()).isEqualTo(expected.status());
        assertThat(actual.scimType()).isEqualTo(expected.scimType());
        assertThat(actual.detail()).isEqualTo(expected.detail());
        assertThat(actual.getMessage()).isEqualTo(expected.getMessage());
        assertThat(actual.transientFailure()).isEqualTo(expected.transientFailure());
    }

    private static ScimException failure(Runnable request) {
        try {
            request.run();
        } catch (ScimException e) {
            return e;
        }
        throw new AssertionError("the request did not fail");
    }

    private static List<ObjectNode> users(String... userNames) {
        List<ObjectNode> bodies = new ArrayList<>();
        for (String userName : userNames) {
            bodies.add(user(userName));
        }
        return bodies;
    }

    private static ObjectNode user(String userName) {
        return TargetImageWriter.toResource(ScimResourceType.USER, Map.of("userName", userName,
                "externalId", "ext-" + userName, "active", true));
    }

    @Test
    void noBodiesNoRequests() {
        assertThat(client().createEach(ScimResourceType.USER, List.of())).isEmpty();
        assertThat(server.journal().entries()).isEmpty();
        assertThatThrownBy(() -> new BulkResult(null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
