package org.opensync.sandbox.scim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
  * Everything below the base path. Order matters: count, consult the fault injector (a 503 from a proxy comes before
  * authentication), authenticate, route, possibly corrupt the answer, journal, send. A POST /Bulk goes through all of
  * this once, as one request: it is counted, faulted and journaled as {@code POST /Bulk} with its whole body; its
  * operations then pass the fault injector and the resource endpoints one by one ({@link BulkEndpoint}).
  */
final class ScimApiHandler implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(ScimApiHandler.class.getName());
    /** A W3C traceparent is 55 characters; the journal keeps no more of whatever a client sends as one. */
    private static final int MAX_TRACEPARENT = 55;

    private final ScimServerConfig config;
    private final OAuthClients oauth;
    private final ResourceEndpoint users;
    private final ResourceEndpoint groups;
    private final DiscoveryEndpoint discovery;
    private final FaultInjector faults;
    private final RequestJournal journal;
    private final RequestCounters counters;
    private final BulkEndpoint bulk;

    ScimApiHandler(ScimServerConfig config, ResourceEndpoint users, ResourceEndpoint groups,
                                  DiscoveryEndpoint discovery, FaultInjector faults, RequestJournal journal,
                                  RequestCounters counters, OAuthClients oauth, ServerQuirks quirks,
                                  Supplier<String> baseUrl) {
        this.config = config;
        this.oauth = oauth;
        this.users = users;
        this.groups = groups;
        this.discovery = discovery;
        this.faults = faults;
        this.journal = journal;
        this.counters = counters;
        this.bulk = new BulkEndpoint(config.bulkLimits(), quirks, faults, this::resource, baseUrl, journal);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ScimRequest request = read(exchange);
        counters.request(request.method());
        FaultInjector.Decision fault = faults.decide(request.method(), request.path());
        fault.pause();
        if (fault.action() instanceof FaultAction.Drop) {
            finish(request, 0);
            exchange.close();
            return;
        }
        ScimResponse response = fault.action() instanceof FaultAction.Respond respond ? injected(respond) : route(request);
        if (fault.action() instanceof FaultAction.Malform malform) {
            response = malformed(response, malform.malformation());
        }
        finish(request, response.status());
        response.send(exchange);
    }

    private ScimResponse route(ScimRequest request) {
        try {
            String[] segments = segments(request.path());
            String endpoint = segments[1];
            String id = id(segments);
            if (isDiscovery(endpoint)) {
                if (!request.method().equals("GET")) {
                    throw new ScimException(405, null, "discovery endpoints are read-only");
                }
                return discover(endpoint, id);
            }
            if (!oauth.accepts(request.authorization())) {
                BearerAuth.require(config.bearerToken(), request.authorization());
            }
            if (endpoint.equalsIgnoreCase("Bulk") && id == null) {
                return bulk.handle(request);
            }
            return resource(request);
        } catch (ScimException e) {
            return ScimResponse.error(e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unexpected failure on " + request.method() + " " + request.path(), e);
            return ScimResponse.error(new ScimException(500, null, "internal error: " + e));
        }
    }

    /** A request to /Users or /Groups, already authenticated: a single one, or one operation of a bulk. */
    private ScimResponse resource(ScimRequest request) {
        String[] segments = segments(request.path());
        String endpoint = segments[1];
        if (endpoint.equalsIgnoreCase("Users")) {
            return users.handle(request, id(segments));
        }
        if (endpoint.equalsIgnoreCase("Groups")) {
            return groups.handle(request, id(segments));
        }
        throw ScimException.notFound("no endpoint at " + request.path());
    }

    /** "", the endpoint and perhaps an id. */
    private static String[] segments(String path) {
        String[] segments = path.split("/", -1);
        if (segments.length < 2 || segments.length > 3 || !segments[0].isEmpty()) {
            throw ScimException.notFound("no endpoint at " + path);
        }
        return segments;
    }

    private static String id(String[] segments) {
        return segments.length == 3 && !segments[2].isEmpty() ? segments[2] : null;
    }

    private static boolean isDiscovery(String endpoint) {
        return endpoint.equalsIgnoreCase("ServiceProviderConfig") || endpoint.equalsIgnoreCase("Schemas")
                || endpoint.equalsIgnoreCase("ResourceTypes");
    }

    /** Discovery needs no token (RFC 7644 §4 lets clients read it before they authenticate). */
    private ScimResponse discover(String endpoint, String id) {
        if (endpoint.equalsIgnoreCase("ServiceProviderConfig")) {
            return discovery.serviceProviderConfig();
        }
        return endpoint.equalsIgnoreCase("Schemas") ? discovery.schemas(id) : discovery.resourceTypes(id);
    }

    private static ScimResponse injected(FaultAction.Respond respond) {
        ScimResponse response = ScimResponse.error(
                new ScimException(respond.status(), null, "injected fault: HTTP " + respond.status()));
        return respond.retryAfterSeconds() == null ? response
                : response.withHeader("Retry-After", String.valueOf(respond.retryAfterSeconds()));
    }

    private static ScimResponse malformed(ScimResponse response, Malformation malformation) {
        // A 204 cannot carry a body; the corrupted answer claims 200 so the client tries to read it.
        int status = response.status() == 204 ? 200 : response.status();
        byte[] body = switch (malformation) {
            case INVALID_JSON -> response.body() == null || response.body().length < 2
                    ? "{\"schemas\":[".getBytes(StandardCharsets.UTF_8)
                    : Arrays.copyOf(response.body(), response.body().length / 2);
            case WRONG_SHAPE -> "[\"not\",\"a\",\"SCIM\",\"resource\"]".getBytes(StandardCharsets.UTF_8);
        };
        return response.withBody(status, body);
    }

    private void finish(ScimRequest request, int status) {
        counters.response(status);
        journal.record(new JournalEntry(Instant.now(), request.method(), request.path(), request.rawQuery(),
                request.bodyText(), status, request.traceparent()));
    }

    private ScimRequest read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String fullPath = exchange.getRequestURI().getPath();
        String path = fullPath.length() > config.basePath().length() ? fullPath.substring(config.basePath().length()) : "";
        String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
        return new ScimRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), path, exchange.getRequestURI().getRawQuery(),
                body, exchange.getRequestHeaders().getFirst("Authorization"),
                traceparent == null ? null : traceparent.substring(0, Math.min(traceparent.length(), MAX_TRACEPARENT)));
    }
}
