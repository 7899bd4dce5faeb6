package org.opensync.connectors.scim;

import org.junit.jupiter.api.Test;
import org.opensync.sandbox.scim.FaultRule;
import org.opensync.sandbox.scim.JournalEntry;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every operation against the sandbox SCIM server over HTTP, checked through its request journal. */
class ScimClientOperationsTest extends SandboxScimServer {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Test
    void testConnectionQueriesARandomGuidAndExpectsAnEmptyList() {
        client().testConnection();
        JournalEntry query = last("GET", "/Users");
        assertThat(query.parameters().get("filter")).matches("userName eq \"[0-9a-f-]{36}\"");
        assertThat(query.query()).startsWith("filter=userName+eq+%22");
    }

    /**
     * The blocking send, its body bounded by LimitedBody's deadline: sendAsync completed each request through the
     * JDK's default async executor, which on a machine with two cores or fewer started a thread per request.
     */
    @Test
    void requestsDoNotStartAThreadEach() {
        ScimClient client = client();
        client.findUnique(ScimResourceType.USER, "userName", "warm-up");
        long before = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
        IntStream.range(0, 200).forEach(i -> client.findUnique(ScimResourceType.USER, "userName", "nobody" + i));
        assertThat(ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - before).isLessThan(20);
    }

    @Test
    void createFindGetAndDeleteAUser() {
        ScimClient client = client();
        ScimResource created = client.create(ScimResourceType.USER, user("jdoe@example.org"));
        assertThat(created.id()).isNotBlank();
        assertThat(last("POST", "/Users").json()).isEqualTo(TargetImageWriter.toResource(ScimResourceType.USER,
                user("jdoe@example.org")));

        assertThat(client.findUnique(ScimResourceType.USER, "userName", "JDOE@example.org"))
                .map(ScimResource::id).contains(created.id());
        assertThat(client.findUnique(ScimResourceType.USER, "externalId", "nobody")).isEmpty();
        assertThat(client.holds(ScimResourceType.USER, "userName", "jdoe@example.org")).isTrue();
        assertThat(client.holds(ScimResourceType.USER, "userName", "jdoe2@example.org")).isFalse();
        Optional<ScimResource> read = client.get(ScimResourceType.USER, created.id());
        assertThat(read).isPresent();
        assertThat(TargetImageReader.read(read.get().json(), List.of("active", ENTERPRISE + ":department")))
                .containsEntry("active", true).containsEntry(ENTERPRISE + ":department", "Engineering");

        client.delete(ScimResourceType.USER, created.id());
        assertThat(client.get(ScimResourceType.USER, created.id())).isEmpty();
        client.delete(ScimResourceType.USER, created.id());
        assertThat(last("DELETE", "/Users/.*").status()).isEqualTo(404);
    }

    @Test
    void filterValuesWithQuotesAreEscapedAndEncoded() {
        ScimClient client = client();
        ScimResource created = client.create(ScimResourceType.USER, Map.of("userName", "o'brien \"the\" user"));
        assertThat(client.findUnique(ScimResourceType.USER, "userName", "o'brien \"the\" user"))
                .map(ScimResource::id).contains(created.id());
        assertThat(last("GET", "/Users").parameters().get("filter")).isEqualTo("userName eq \"o'brien \\\"the\\\" user\"");
    }

    @Test
    void groupsAreMatchedAndReadWithoutMembers() {
        ScimClient client = client();
        ScimResource group = client.create(ScimResourceType.GROUP, Map.of("displayName", "Engineers",
                "externalId", "g-1", "members", List.of("ignored")));
        assertThat(last("POST", "/Groups").json().has("members")).isFalse();
        assertThat(client.findUnique(ScimResourceType.GROUP, "displayName", "Engineers")).isPresent();
        assertThat(last("GET", "/Groups").parameters()).containsEntry("excludedAttributes", "members");
        assertThat(client.get(ScimResourceType.GROUP, group.id())).isPresent();
        assertThat(last("GET", "/Groups/.*").parameters()).containsEntry("excludedAttributes", "members");
    }

    @Test
    void legacyPatchBodyIsSentExactly() {
        ScimClient client = client();
        ScimResource user = client.create(ScimResourceType.USER, user("legacy@example.org"));
        Map<String, Object> current = TargetImageReader.read(user.json(), List.of("active", "title",
                ENTERPRISE + ":department", "emails[type eq \"work\"].value"));
        Map<String, Object> desired = new LinkedHashMap<>();
        desired.put("active", "False");
        desired.put("title", "Engineer");
        desired.put(ENTERPRISE + ":department", "Research");
        desired.put("emails[type eq \"work\"].value", "new@example.org");

        Optional<ScimResource> patched = client.patch(ScimResourceType.USER, user.id(),
                client.patchBuilder().diff(current, desired));

        assertThat(last("PATCH", "/Users/.*").json()).isEqualTo(Json.parse("""
                {'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[
                    {'op':'Replace','path':'active','value':'False'},
                    {'op':'Add','path':'title','value':'Engineer'},
                    {'op':'Replace','path':'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
                      'value':'Research'},
                    {'op':'Replace','path':'emails[type eq \\"work\\"].value','value':'new@example.org'}]}"""));
        assertThat(patched).isPresent();
        assertThat(TargetImageReader.read(patched.get().json(), desired.keySet())).isEqualTo(Map.of("active", false,
                "title", "Engineer", ENTERPRISE + ":department", "Research", "emails[type eq \"work\"].value",
                "new@example.org"));
    }

    @Test
    void compliantPatchBodyIsSentExactlyAndTheFlagNeverReachesTheTarget() {
        ScimClient client = new ScimClient(settings("?aadOptscim062020").build());
        assertThat(client.patchMode()).isEqualTo(PatchMode.COMPLIANT);
        ScimResource user = client.create(ScimResourceType.USER, user("compliant@example.org"));
        ScimResource manager = client.create(ScimResourceType.USER, user("boss@example.org"));
        Map<String, Object> current = TargetImageReader.read(user.json(), List.of("displayName", "name.givenName",
                "phoneNumbers[type eq \"mobile\"].value", "active"));
        Map<String, Object> desired = new LinkedHashMap<>();
        desired.put("displayName", "Jane Q");
        desired.put("name.givenName", "Janet");
        desired.put("phoneNumbers[type eq \"mobile\"].value", "+1 555 0100");
        desired.put("active", true);
        desired.put(ENTERPRISE + ":manager", manager.id());

        client.patch(ScimResourceType.USER, user.id(), client.patchBuilder().diff(current, desired));

        JournalEntry patch = last("PATCH", "/Users/.*");
        assertThat(patch.json()).isEqualTo(Json.parse("""
                {'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[
                    {'op':'replace','value':{'displayName':'Jane Q','name.givenName':'Janet'}},
                    {'op':'add','path':'phoneNumbers[type eq \\"mobile\\"].value','value':'+1 555 0100'},
                    {'op':'add','path':'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
                      'value':'%s'}]}""".formatted(manager.id())));
        assertThat(server.journal().entries()).allSatisfy(entry ->
                assertThat(entry.query() == null ? "" : entry.query()).doesNotContainIgnoringCase("aadOptscim062020"));
        assertThat(TargetImageReader.read(client.get(ScimResourceType.USER, user.id()).orElseThrow().json(),
                List.of(ENTERPRISE + ":manager", "displayName"))).containsEntry(ENTERPRISE + ":manager", manager.id())
                .containsEntry("displayName", "Jane Q");
    }

    @Test
    void membersAreAddedAndRemovedInChunksInTheLegacyForm() {
        ScimClient client = new ScimClient(settings().memberChunkSize(50).build());
        List<String> ids = createUsers(client, 120);
        ScimResource group = client.create(ScimResourceType.GROUP, Map.of("displayName", "Big"));
        server.journal().clear();

        client.addMembers(group.id(), ids);
        List<JournalEntry> adds = journal("PATCH", "/Groups/.*");
        assertThat(adds).hasSize(3).allMatch(entry -> entry.status() == 204);
        assertThat(adds.get(0).json().at("/Operations/0/op").asText()).isEqualTo("Add");
        assertThat(adds.get(0).json().at("/Operations/0/value")).hasSize(50);
        assertThat(adds.get(2).json().at("/Operations/0/value")).hasSize(20);
        assertThat(adds.get(0).json().at("/Operations/0/value/0")).isEqualTo(
                Json.parse("{'$ref':null,'value':'" + ids.get(0) + "'}"));
        assertThat(memberIds(group.id())).containsExactlyInAnyOrderElementsOf(ids);

        server.journal().clear();
        client.removeMembers(group.id(), ids.subList(0, 60));
        List<JournalEntry> removes = journal("PATCH", "/Groups/.*");
        assertThat(removes).hasSize(2);
        assertThat(removes.get(1).json()).isEqualTo(Json.parse("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                + "'Operations':[{'op':'Remove','path':'members','value':[" + String.join(",", ids.subList(50, 60).stream()
                .map(id -> "{'value':'" + id + "'}").toList()) + "]}]}"));
        assertThat(memberIds(group.id())).containsExactlyInAnyOrderElementsOf(ids.subList(60, 120));
    }

    @Test
    void membersAreRemovedByValueFilterPathsInTheCompliantForm() {
        ScimClient client = new ScimClient(settings("?aadOptscim062020").memberChunkSize(3).build());
        List<String> ids = createUsers(client, 5);
        ScimResource group = client.create(ScimResourceType.GROUP, Map.of("displayName", "Small"));
        client.addMembers(group.id(), ids);
        assertThat(last("PATCH", "/Groups/.*").json().at("/Operations/0")).isEqualTo(Json.parse(
                "{'op':'add','path':'members','value':[{'value':'" + ids.get(3) + "'},{'value':'" + ids.get(4) + "'}]}"));
        server.journal().clear();

        client.removeMembers(group.id(), ids.subList(0, 4));
        List<JournalEntry> removes = journal("PATCH", "/Groups/.*");
        assertThat(removes).hasSize(2);
        assertThat(removes.get(0).json().get("Operations")).isEqualTo(Json.parse("["
                + String.join(",", ids.subList(0, 3).stream()
                .map(id -> "{'op':'remove','path':'members[value eq \\\"" + id + "\\\"]'}").toList()) + "]"));
        assertThat(memberIds(group.id())).containsExactly(ids.get(4));
    }

    @Test
    void duplicateMatchesAreReported() {
        ScimClient client = client();
        client.create(ScimResourceType.USER, Map.of("userName", "a1", "externalId", "same"));
        client.create(ScimResourceType.USER, Map.of("userName", "a2", "externalId", "same"));
        assertThatThrownBy(() -> client.findUnique(ScimResourceType.USER, "externalId", "same"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ScimErrorCode.DuplicateTargetEntries);
                    assertThat(e.transientFailure()).isFalse();
                })
                .hasMessageContaining("2 Users match externalId = \"same\"");
    }

    /** One query for many values, each resource attributed to the value it holds, as one query per value would find. */
    @Test
    void batchedMatchingAnswersEachValueAsItsOwnQueryWould() {
        ScimClient client = client();
        String ann = client.create(ScimResourceType.USER, Map.of("userName", "ann@example.org", "externalId", "e-1"))
                .id();
        String bob1 = client.create(ScimResourceType.USER, Map.of("userName", "bob1", "externalId", "twin")).id();
        String bob2 = client.create(ScimResourceType.USER, Map.of("userName", "bob2", "externalId", "twin")).id();

        Map<String, List<ScimResource>> byUserName = client.findEach(ScimResourceType.USER, "userName",
                List.of("ANN@example.org", "nobody@example.org")).orElseThrow();
        assertThat(byUserName.get("ANN@example.org")).extracting(ScimResource::id).containsExactly(ann);
        assertThat(byUserName.get("nobody@example.org")).isEmpty();
        assertThat(last("GET", "/Users").parameters().get("filter"))
                .isEqualTo("userName eq \"ANN@example.org\" or userName eq \"nobody@example.org\"");
        for (String value : byUserName.keySet()) {
            assertThat(byUserName.get(value)).extracting(ScimResource::id).containsExactlyElementsOf(
                    client.findUnique(ScimResourceType.USER, "userName", value).map(ScimResource::id).stream()
                            .toList());
        }
        // several holders are answered as such; the caller asks findUnique, which reports DuplicateTargetEntries
        assertThat(client.findEach(ScimResourceType.USER, "externalId", List.of("twin", "e-1")).orElseThrow())
                .satisfies(found -> {
                    assertThat(found.get("twin")).extracting(ScimResource::id).containsExactlyInAnyOrder(bob1, bob2);
                    assertThat(found.get("e-1")).extracting(ScimResource::id).containsExactly(ann);
                });
    }

    /** Where one query cannot say exactly what a query per value would, the caller is told to ask one by one. */
    @Test
    void batchedMatchingDeclinesWhatItCannotAttribute() {
        ScimClient client = client();
        server.quirks().caseSensitiveUserName(true);
        client.create(ScimResourceType.USER, Map.of("userName", "Ann"));
        client.create(ScimResourceType.USER, Map.of("userName", "ann"));
        int requests = server.journal().entries().size();
        assertThat(client.findEach(ScimResourceType.USER, "userName", List.of("Ann", "ann")))
                .as("a resource holding two of the values, case aside").isEmpty();
        assertThat(client.findEach(ScimResourceType.USER, "emails[type eq \"work\"].value", List.of("a", "b")))
                .as("an attribute path, which the target may compare its own way").isEmpty();
        assertThat(server.journal().entries()).as("the path was not even asked").hasSize(requests + 1);

        server.faults().add(FaultRule.respond(400).onMethod("GET").onPath("/Users").times(1));
        assertThatThrownBy(() -> client.findEach(ScimResourceType.USER, "userName", List.of("x", "y")))
                .isInstanceOf(ScimException.class);
    }

    @Test
    void conflictsAndMissingAnchorsCarryTheTargetsDetail() {
        ScimClient client = client();
        client.create(ScimResourceType.USER, Map.of("userName", "taken"));
        assertThatThrownBy(() -> client.create(ScimResourceType.USER, Map.of("userName", "TAKEN")))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ScimErrorCode.EntryConflict);
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.scimType()).contains("uniqueness");
                    assertThat(e.detail()).isNotBlank();
                    assertThat(e.attempts()).isEqualTo(1);
                });
        assertThatThrownBy(() -> client.patch(ScimResourceType.USER, "no-such-id",
                client.patchBuilder().diff(Map.of(), Map.of("title", "x"))))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ScimErrorCode.InvalidAnchor);
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.transientFailure()).isFalse();
                });
    }

    @Test
    void theClientIsSafeToShareBetweenThreads() throws Exception {
        ScimClient client = client();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 8; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    for (int i = 0; i < 25; i++) {
                        ScimResource user = client.create(ScimResourceType.USER, Map.of("userName", "t" + thread + "-" + i));
                        client.patch(ScimResourceType.USER, user.id(),
                                client.patchBuilder().diff(Map.of(), Map.of("title", "T" + thread)));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            worker.start();
            threads.add(worker);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        assertThat(server.users().size()).isEqualTo(200);
    }

    private List<String> createUsers(ScimClient client, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> client.create(ScimResourceType.USER, Map.of("userName", "member" + i)).id())
                .toList();
    }

    private List<String> memberIds(String groupId) {
        return TargetImageReader.read(server.groups().get(groupId).orElseThrow(), List.of("members"))
                .entrySet().stream().flatMap(e -> ((List<?>) e.getValue()).stream().map(String::valueOf)).toList();
    }

    private static Map<String, Object> user(String userName) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("userName", userName);
        image.put("externalId", userName.split("@")[0]);
        image.put("active", "True");
        image.put("displayName", "Jane Doe");
        image.put("name.givenName", "Jane");
        image.put("name.familyName", "Doe");
        image.put("emails[type eq \"work\"].value", userName);
        image.put(ENTERPRISE + ":department", "Engineering");
        return image;
    }
}
