package org.opensync.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.opensync.connectors.net.EgressDeniedException;
import org.opensync.connectors.net.PemTrust;
import org.opensync.connectors.net.TraceHeaders;

/**
  * Sends SCIM requests: rate limit, a cap on the requests under way, one HttpClient, retries (resilience4j) for
  * throttling, 5xx and transport failures with Retry-After or exponential back-off, and failures turned into
  * {@link ScimException}s.
  * <p>
  * A POST is only repeated when it cannot have been carried out (429, 503, no connection): repeating one that timed
  * out or got a 500 could create the object twice.
  */
final class ScimTransport {

    /** What a request does, which decides what a 404 means and whether repeating it is safe. */
    enum Kind {
        QUERY, CREATE, READ, UPDATE, DELETE,
        /** A POST /Bulk of creates: repeating it could create its objects twice, like repeating a POST. */
        BULK;

        boolean idempotent() {
            return this != CREATE && this != BULK;
        }
    }

    /** @param contentType the Content-Type header, null when absent */
    record Response(int status, String body, String contentType, String request) {
    }

    private static final String SCIM_JSON = "application/scim+json";

    private final ScimSettings settings;
    private final URI tenantUrl;
    private final HttpClient http;
    private final RequestRateLimiter limiter;
    /** Fair, so that a thread waiting for its turn is not overtaken again and again. */
    private final Semaphore inFlight;
    private final Retry retry;
    private final Clock clock;
    /** Null when the application takes a fixed bearer token (or none). */
    private final AccessTokens tokens;

    ScimTransport(ScimSettings settings, Clock clock) {
        this.settings = settings;
        this.tenantUrl = URI.create(settings.baseUrl());
        this.clock = clock;
        HttpClient.Builder client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
        settings.trustedCertificates().map(PemTrust::sslContext).ifPresent(client::sslContext);
        this.http = client.build();
        this.tokens = settings.oauth().map(credentials -> new AccessTokens(credentials,
                new TokenEndpoint(http, settings.requestTimeout(), settings.egress()), clock)).orElse(null);
        this.limiter = new RequestRateLimiter(settings.requestsPerSecond(), settings.adaptiveThrottling());
        this.inFlight = new Semaphore(settings.requestsInFlight(), true);
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), 2.0, 0.5,
                settings.maxBackoff());
        this.retry = Retry.of("scim " + settings.baseUrl(), RetryConfig.<Response>custom()
                .maxAttempts(settings.maxRetries() + 1)
                .retryOnException(e -> e instanceof ScimException failure && failure.retryable())
                .intervalBiFunction((attempt, outcome) -> outcome.isLeft()
                        && outcome.getLeft() instanceof ScimException failure && failure.retryAfter().isPresent()
                        ? failure.retryAfter().get().toMillis() : backoff.apply(attempt))
                .build());
    }

    /**
      * @param pathAndQuery below the tenant URL, e.g. {@code /Users?filter=…}; already encoded
      * @param accepted     statuses handed back as a response; anything else is a {@link ScimException}
      */
    Response send(Kind kind, String method, String pathAndQuery, JsonNode body, Set<Integer> accepted) {
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<String> lastServerError = new AtomicReference<>();
        try {
            return retry.executeSupplier(() -> {
                attempts.incrementAndGet();
                return authorized(kind, method, pathAndQuery, body, accepted, 1, lastServerError);
            });
        } catch (ScimException e) {
            throw e.afterAttempts(attempts.get());
        }
    }

    /**
      * One attempt without retries, counted as {@code requests} requests by the rate limit: for a POST /Bulk, whose
      * caller sends the operations on their own (with retries) when the bulk as a whole fails.
      */
    Response sendOnce(Kind kind, String method, String pathAndQuery, JsonNode body, Set<Integer> accepted,
                      int requests) {
        return authorized(kind, method, pathAndQuery, body, accepted, requests, new AtomicReference<>());
    }

    private Response authorized(Kind kind, String method, String pathAndQuery, JsonNode body, Set<Integer> accepted,
                                int requests, AtomicReference<String> lastServerError) {
        String description = method + " " + pathAndQuery;
        String token = tokens == null ? settings.secretToken() : tokens.current(description);
        try {
            return attempt(kind, request(method, pathAndQuery, body, token), description, accepted, requests,
                    lastServerError);
        } catch (ScimException refused) {
            if (tokens == null || refused.status() != 401) {
                throw refused;
            }
            // The token was revoked or expired early: once more with a new one, and 401 is final after that
            tokens.forget(token);
            return attempt(kind, request(method, pathAndQuery, body, tokens.current(description)), description,
                    accepted, requests, lastServerError);
        }
    }

    /**
      * Checks the tenant URL's host, port and every address its name resolves to now. The JDK HttpClient has no hook
      * for the address it connects to, so each attempt checks right before it is sent; a name whose DNS answer
      * changes between this check and the client's own lookup (DNS rebinding, with a TTL of zero) is not caught.
      */
    void checkEgress() {
        settings.egress().check(tenantUrl);
    }

    double currentRate() {
        return limiter.currentRate();
    }

    /**
      * @param requests        how many requests this one counts as for the rate limit
      * @param lastServerError body of the previous attempt's 500, to recognise a target that fails on this request for
      *                        good (gateway errors, 502 and 504, are left transient: they say nothing about the request)
      */
    private Response attempt(Kind kind, HttpRequest request, String description, Set<Integer> accepted,
                             int requests, AtomicReference<String> lastServerError) {
        HttpResponse<String> response;
        try {
            checkEgress();
        } catch (EgressDeniedException e) {
            throw ScimErrors.egressDenied(description, e);
        }
        long started = 0;
        try {
            limiter.acquire(requests);
            // Held for the exchange only, not for back-off waits: those leave room for other objects' requests
            if (!turn()) {
                // Nothing was sent, so trying again is safe whatever the request
                throw ScimErrors.transport(ScimErrorCode.Timeout, description, new HttpTimeoutException("no turn "
                        + "among the job's " + settings.requestsInFlight() + " requests under way within "
                        + settings.requestTimeout()), true);
            }
            try {
                started = System.nanoTime();
                // The request timeout covers the wait for the headers, the body's deadline the rest of the exchange
                response = http.send(request, LimitedBody.handler(settings.maxResponseBytes(),
                        settings.requestTimeout()));
            } finally {
                inFlight.release();
            }
            observed(request, response.statusCode(), started);
        } catch (IOException e) {
            observed(request, 0, started);
            throw failed(kind, description, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ScimErrors.transport(ScimErrorCode.WebExceptionProtocolError, description, e, false);
        }
        int status = response.statusCode();
        if (accepted.contains(status)) {
            limiter.succeeded();
            return new Response(status, response.body(), contentType(response), description);
        }
        Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock)
                .orElse(null);
        if (status == 429 || status == 503) {
            limiter.throttled();
            if (retryAfter != null) {
                // A longer wait is not honoured here: the request fails and the object waits in escrow instead
                limiter.pauseFor(retryAfter.compareTo(settings.maxRetryAfter()) <= 0 ? retryAfter
                        : settings.maxRetryAfter());
            }
        }
        String serverError = status == 500 ? status + " " + response.body() : null;
        boolean repeated = serverError != null && serverError.equals(lastServerError.getAndSet(serverError));
        throw ScimErrors.fromStatus(kind, new Response(status, response.body(), contentType(response), description),
                retryAfter, settings.maxRetryAfter(), repeated);
    }

    /**
     * A turn among the job's requests under way, waited for at most the request timeout. The first try waits in line
     * too (the semaphore is fair), so that only requests that found every turn taken are reported as waiting.
     */
    private boolean turn() throws InterruptedException {
        if (inFlight.tryAcquire(0, TimeUnit.MILLISECONDS)) {
            return true;
        }
        long waitStarted = System.nanoTime();
        try {
            return inFlight.tryAcquire(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            settings.observer().waitedForTurn(Duration.ofNanos(System.nanoTime() - waitStarted));
        }
    }

    private void observed(HttpRequest request, int status, long startedNanos) {
        settings.observer().answered(request.method(), status, Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse(null);
    }

    private static ScimException failed(Kind kind, String description, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return ScimErrors.transport(cause instanceof HttpTimeoutException ? ScimErrorCode.Timeout
                    : ScimErrorCode.WebExceptionProtocolError, description, cause, true);
        }
        if (cause instanceof HttpTimeoutException) {
            return ScimErrors.transport(ScimErrorCode.Timeout, description, cause, kind.idempotent());
        }
        if (LimitedBody.tooLarge(cause)) {
            return ScimErrors.transport(ScimErrorCode.SystemForCrossDomainIdentityManagementServiceIncompatible,
                    description, cause, false);
        }
        return ScimErrors.transport(ScimErrorCode.WebExceptionProtocolError, description, cause, kind.idempotent());
    }

    private HttpRequest request(String method, String pathAndQuery, JsonNode body, String token) {
        String url = settings.baseUrl() + pathAndQuery;
        if (!settings.keptQuery().isEmpty()) {
            url += (pathAndQuery.contains("?") ? "&" : "?") + settings.keptQuery();
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(settings.requestTimeout())
                .header("Accept", SCIM_JSON + ", application/json");
        if (!token.isEmpty()) {
            builder.header("Authorization", "Bearer " + token);
        }
        TraceHeaders.addTo(builder); // the trace of the change being provisioned
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", SCIM_JSON)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(ScimValues.utf8(body)))
                .build();
    }
}
