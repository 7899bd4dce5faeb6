package org.opensync.sandbox.scim;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScimJournalTest extends ScimServerTestBase {

    @BeforeEach
    void clearJournal() {
        server.journal().clear();
    }

    @Test
    void recordsMethodPathQueryBodyAndStatus() {
        String id = createUser("journal.one");
        client.get("/Users?filter=userName+eq+%22journal.one%22");
        client.get("/Users/missing");

        List<JournalEntry> entries = server.journal().entries();
        assertThat(entries).hasSize(3);
        JournalEntry post = entries.get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/Users");
        assertThat(post.status()).isEqualTo(201);
        assertThat(post.json().get("userName").asText()).isEqualTo("journal.one");
        JournalEntry query = entries.get(1);
        assertThat(query.query()).isEqualTo("filter=userName+eq+%22journal.one%22");
        assertThat(query.parameters()).containsEntry("filter", "userName eq \"journal.one\"");
        assertThat(entries.get(2).status()).isEqualTo(404);
        assertThat(id).isNotBlank();
    }

    @Test
    void lets_a_test_assert_exactly_one_patch_with_only_title() {
        String id = createUser("journal.patch");
        client.patch("/Users/" + id, ScimTestClient.patchOp("{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"CTO\"}"));

        List<JournalEntry> patches = server.journal().matching("PATCH", "/Users/.*");
        assertThat(patches).hasSize(1);
        assertThat(patches.get(0).json().get("Operations")).hasSize(1);
        assertThat(patches.get(0).json().get("Operations").get(0).get("path").asText()).isEqualTo("title");
        assertThat(server.journal().matching("POST", null)).hasSize(1);
    }

    @Test
    void isBoundedAndClearable() {
        ScimServer small = new ScimServer(ScimServerConfig.defaults().withJournalCapacity(3).withThreads(2)).start();
        try {
            ScimTestClient smallClient = ScimTestClient.forServer(small);
            for (int i = 0; i < 5; i++) {
                smallClient.get("/Users?count=" + i);
            }
            assertThat(small.journal().size()).isEqualTo(3);
            assertThat(small.journal().entries().get(0).query()).isEqualTo("count=2");
            small.journal().clear();
            assertThat(small.journal().entries()).isEmpty();
        } finally {
            small.stop();
        }
    }

    @Test
    void countsRequestsByMethodAndStatus() {
        long gets = server.counters().requests("GET");
        long notFound = server.counters().responses(404);
        client.get("/Users/nobody");
        assertThat(server.counters().requests("GET")).isEqualTo(gets + 1);
        assertThat(server.counters().responses(404)).isEqualTo(notFound + 1);
        assertThat(server.counters().requestsByMethod()).containsKey("GET");
    }

    @Test
    void bodiesAreBoundedInCharactersAsWellAsInCount() {
        RequestJournal journal = new RequestJournal(10, 100);
        for (int i = 0; i < 4; i++) {
            journal.record(new JournalEntry(Instant.now(), "POST", "/Bulk", null, "x".repeat(40), 200, null));
        }
        assertThat(journal.size()).isEqualTo(2);
        journal.record(new JournalEntry(Instant.now(), "GET", "/Users", null, "", 200, null));
        assertThat(journal.entries()).extracting(JournalEntry::path).containsExactly("/Bulk", "/Bulk", "/Users");
    }
}
