package org.opensync.connectors.scim;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.EgressSettings;
import org.opensync.sandbox.scim.JournalEntry;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.sandbox.scim.ScimServerConfig;

import java.time.Duration;
import java.util.List;

/** The sandbox's SCIM server on an ephemeral port, reset after every test; clients with quick back-off. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SandboxScimServer {

    ScimServer server;

    @BeforeAll
    void start() {
        server = new ScimServer(ScimServerConfig.defaults()).start();
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    @AfterEach
    void reset() {
        server.reset();
    }

    /** Legacy PATCH, no rate limit, 10–50 ms back-off. */
    ScimSettings.Builder settings() {
        return settings("");
    }

    /** {@code flags} is appended to the tenant URL, e.g. "?aadOptscim062020". */
    ScimSettings.Builder settings(String flags) {
        return settings(server, flags);
    }

    /** The same for another sandbox server a test starts itself, e.g. one with other limits. */
    static ScimSettings.Builder settings(ScimServer target, String flags) {
        return ScimSettings.builder(target.baseUrl() + flags)
                .secretToken(target.config().bearerToken())
                .requestsPerSecond(0)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .egress(EgressPolicy.of(EgressSettings.loopbackAllowed()));
    }

    ScimClient client() {
        return new ScimClient(settings().build());
    }

    List<JournalEntry> journal(String method, String pathRegex) {
        return server.journal().matching(method, pathRegex);
    }

    /** Requests sent on their own: the journal also lists each operation of a bulk, marked {@code inBulk}. */
    List<JournalEntry> singles(String method, String pathRegex) {
        return journal(method, pathRegex).stream().filter(entry -> !entry.inBulk()).toList();
    }

    JournalEntry last(String method, String pathRegex) {
        List<JournalEntry> entries = journal(method, pathRegex);
        if (entries.isEmpty()) {
            throw new AssertionError("no " + method + " " + pathRegex + " in the journal: " + server.journal().entries());
        }
        return entries.get(entries.size() - 1);
    }
}
