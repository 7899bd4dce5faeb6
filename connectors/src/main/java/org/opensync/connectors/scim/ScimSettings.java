package org.opensync.connectors.scim;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.PemTrust;
import org.opensync.connectors.net.RequestObserver;

/**
  * How to reach one target app and how hard to push it. Build with
  * {@code ScimSettings.builder("https://app.example.com/scim/v2?aadOptscim062020").secretToken("…").build()}.
  * <p>
  * Compatibility flags in the tenant URL's query are never sent; any other query parameters are kept on every request.
  * {@code aadOptscim062020} and {@code AzureAdScimPatch2017} choose the {@link PatchMode} as in Entra;
  * {@code opensyncManager=string|complex|path} the {@link ManagerFormat} and {@code opensyncBooleans=string|json} the
  * {@link BooleanFormat}, for targets that refuse what Entra sends.
  */
public final class ScimSettings {

    /** The flag that switches PATCH to the RFC-compliant form. */
    public static final String COMPLIANT_PATCH_FLAG = "aadOptscim062020";
    /** The flag that keeps the old PATCH form once compliant becomes the default. */
    public static final String LEGACY_PATCH_FLAG = "AzureAdScimPatch2017";
    /** The flag choosing how PATCH carries the manager ({@link ManagerFormat}). */
    public static final String MANAGER_FLAG = "opensyncManager";
    /** The flag choosing how PATCH carries booleans ({@link BooleanFormat}). */
    public static final String BOOLEANS_FLAG = "opensyncBooleans";
    private static final Set<String> FLAGS = Set.of(COMPLIANT_PATCH_FLAG.toLowerCase(Locale.ROOT),
            LEGACY_PATCH_FLAG.toLowerCase(Locale.ROOT), MANAGER_FLAG.toLowerCase(Locale.ROOT),
            BOOLEANS_FLAG.toLowerCase(Locale.ROOT));

    private final String baseAddress;
    private final String secretToken;
    private final OAuthClientCredentials oauth;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final long maxResponseBytes;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final double requestsPerSecond;
    private final boolean adaptiveThrottling;
    private final int requestsInFlight;
    private final int memberChunkSize;
    private final ManagerFormat managerFormat;
    private final BooleanFormat booleanFormat;
    private final EgressPolicy egress;
    private final RequestObserver observer;
    private final String trustedCertificates;
    private final String baseUrl;
    private final String keptQuery;
    private final PatchMode patchMode;

    private ScimSettings(Builder b) {
        this.baseAddress = Objects.requireNonNull(b.baseAddress, "baseAddress");
        this.secretToken = b.secretToken == null ? "" : b.secretToken;
        this.oauth = b.oauth;
        this.trustedCertificates = b.trustedCertificates;
        if (trustedCertificates != null) {
            PemTrust.trustManager(trustedCertificates);
        }
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.maxResponseBytes = b.maxResponseBytes;
        this.maxRetries = b.maxRetries;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.requestsPerSecond = b.requestsPerSecond;
        this.adaptiveThrottling = b.adaptiveThrottling;
        this.requestsInFlight = b.requestsInFlight;
        this.observer = b.observer;
        this.memberChunkSize = b.memberChunkSize;
        this.egress = Objects.requireNonNull(b.egress, "egress");
        if (maxRetries < 0 || requestsPerSecond < 0 || requestsInFlight < 1 || memberChunkSize < 1
                || maxResponseBytes < 1 || initialBackoff.isNegative()
                || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxRetries >= 0, requestsPerSecond >= 0, requestsInFlight >= 1, "
                    + "memberChunkSize >= 1, maxResponseBytes >= 1 and "
                    + "initialBackoff <= maxBackoff are required");
        }
        URI uri;
        try {
            uri = new URI(baseAddress.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("BaseAddress is not a URL: " + baseAddress, e);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("https")
                || uri.getScheme().equalsIgnoreCase("http")) || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("BaseAddress must be an http(s) URL: " + baseAddress);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        this.baseUrl = uri.getScheme() + "://" + uri.getRawAuthority() + path;
        List<String> kept = new ArrayList<>();
        boolean compliant = false;
        boolean legacy = false;
        ManagerFormat manager = Objects.requireNonNull(b.managerFormat, "managerFormat");
        BooleanFormat booleans = null;
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                String[] nameAndValue = parameter.split("=", 2);
                String name = nameAndValue[0].toLowerCase(Locale.ROOT);
                String value = nameAndValue.length > 1 ? nameAndValue[1] : "";
                if (FLAGS.contains(name)) {
                    compliant |= name.equalsIgnoreCase(COMPLIANT_PATCH_FLAG);
                    legacy |= name.equalsIgnoreCase(LEGACY_PATCH_FLAG);
                    manager = name.equalsIgnoreCase(MANAGER_FLAG) ? ManagerFormat.ofFlag(value) : manager;
                    booleans = name.equalsIgnoreCase(BOOLEANS_FLAG) ? BooleanFormat.ofFlag(value) : booleans;
                } else if (!parameter.isEmpty()) {
                    kept.add(parameter);
                }
            }
        }
        this.keptQuery = String.join("&", kept);
        this.patchMode = compliant && !legacy ? PatchMode.COMPLIANT : PatchMode.LEGACY;
        this.managerFormat = manager;
        this.booleanFormat = booleans != null ? booleans : BooleanFormat.defaultFor(patchMode);
    }

    public static Builder builder(String baseAddress) {
        return new Builder(baseAddress);
    }

    /** The tenant URL as configured, flags included. */
    public String baseAddress() {
        return baseAddress;
    }

    /** The tenant URL requests are built on: no flags, no query, no trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Query parameters of the tenant URL other than the compatibility flags, raw; may be empty. */
    String keptQuery() {
        return keptQuery;
    }

    public PatchMode patchMode() {
        return patchMode;
    }

    /** Empty: no Authorization header is sent. */
    String secretToken() {
        return secretToken;
    }

    /** How tokens are obtained when the application uses the client-credentials grant; empty otherwise. */
    Optional<OAuthClientCredentials> oauth() {
        return Optional.ofNullable(oauth);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The longest a request may take, the whole response body included. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** The largest response body read; a larger one fails the request. */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** A Retry-After longer than this is not waited for: the request fails as TooManyRequests at once. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** 0 = unlimited. */
    public double requestsPerSecond() {
        return requestsPerSecond;
    }

    public boolean adaptiveThrottling() {
        return adaptiveThrottling;
    }

    /** Requests to the app under way at once, across every thread using the client. */
    public int requestsInFlight() {
        return requestsInFlight;
    }

    public int memberChunkSize() {
        return memberChunkSize;
    }

    public ManagerFormat managerFormat() {
        return managerFormat;
    }

    public BooleanFormat booleanFormat() {
        return booleanFormat;
    }

    /** Where requests may go; checked before every attempt. */
    public RequestObserver observer() {
        return observer;
    }

    public EgressPolicy egress() {
        return egress;
    }

    /** PEM certificates trusted beside the JVM's trust store (the secret {@code TrustedCertificate}). */
    public Optional<String> trustedCertificates() {
        return Optional.ofNullable(trustedCertificates);
    }

    /** The token never appears in logs. */
    @Override
    public String toString() {
        return "ScimSettings[baseUrl=" + baseUrl + ", patchMode=" + patchMode + ", manager=" + managerFormat
                + ", booleans=" + booleanFormat + ", rps=" + requestsPerSecond + ", inFlight=" + requestsInFlight
                + ", maxRetries=" + maxRetries + ", token=" + (secretToken.isEmpty() ? "none" : "***") + (oauth == null ? "" : ", " + oauth) + "]";
    }

    public static final class Builder {
        private final String baseAddress;
        private String secretToken = "";
        private OAuthClientCredentials oauth;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private long maxResponseBytes = 4L * 1024 * 1024;
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration maxRetryAfter = Duration.ofMinutes(2);
        private double requestsPerSecond = 25;
        private boolean adaptiveThrottling = true;
        private int requestsInFlight = 16;
        private int memberChunkSize = 50;
        private ManagerFormat managerFormat = ManagerFormat.PLAIN_STRING;
        private EgressPolicy egress = EgressPolicy.defaults();
        private RequestObserver observer = RequestObserver.NONE;
        private String trustedCertificates;

        private Builder(String baseAddress) {
            this.baseAddress = baseAddress;
        }

        public Builder secretToken(String token) {
            this.secretToken = token;
            return this;
        }

        /** PEM certificates (a private CA) trusted beside the JVM's trust store; blank or null for none. */
        public Builder trustedCertificates(String pem) {
            this.trustedCertificates = pem == null || pem.isBlank() ? null : pem;
            return this;
        }

        /** Tokens from the client-credentials grant instead of a fixed {@link #secretToken}, which they replace. */
        public Builder oauth(OAuthClientCredentials credentials) {
            this.oauth = credentials;
            return this;
        }

        public Builder timeouts(Duration connect, Duration request) {
            this.connectTimeout = Objects.requireNonNull(connect);
            this.requestTimeout = Objects.requireNonNull(request);
            return this;
        }

        public Builder maxResponseBytes(long bytes) {
            this.maxResponseBytes = bytes;
            return this;
        }

        /** Retries after the first attempt, for 429, 5xx and transport failures. */
        public Builder maxRetries(int retries) {
            this.maxRetries = retries;
            return this;
        }

        /** Exponential back-off bounds (randomised by ±50 %) when the target gives no Retry-After. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = Objects.requireNonNull(initial);
            this.maxBackoff = Objects.requireNonNull(max);
            return this;
        }

        public Builder maxRetryAfter(Duration max) {
            this.maxRetryAfter = Objects.requireNonNull(max);
            return this;
        }

        /** The job's request rate; 0 = unlimited. Default 25, the rate gallery apps must sustain. */
        public Builder requestsPerSecond(double rate) {
            this.requestsPerSecond = rate;
            return this;
        }

        /** Halve the rate on 429/503 and win it back on successes (default on). */
        public Builder adaptiveThrottling(boolean adaptive) {
            this.adaptiveThrottling = adaptive;
            return this;
        }

        /**
          * Requests under way at once (default 16): more threads may export objects than the app gets requests at
          * once, e.g. so that more creates can wait to go out together in one {@code POST /Bulk}.
          */
        public Builder requestsInFlight(int requests) {
            this.requestsInFlight = requests;
            return this;
        }

        public Builder memberChunkSize(int members) {
            this.memberChunkSize = members;
            return this;
        }

        /** The manager format when the tenant URL has no {@code opensyncManager} flag. */
        public Builder managerFormat(ManagerFormat format) {
            this.managerFormat = format;
            return this;
        }

        /** The egress policy; {@link EgressPolicy#defaults()} unless set. */
        public Builder egress(EgressPolicy policy) {
            this.egress = policy;
            return this;
        }

        public Builder observer(RequestObserver requests) {
            this.observer = Objects.requireNonNull(requests);
            return this;
        }

        public ScimSettings build() {
            return new ScimSettings(this);
        }
    }
}
