package org.opensync.sandbox.scim;

/**
  * How a {@link ScimServer} listens and pages.
  *
  * @param bearerToken     the token clients must send as {@code Authorization: Bearer …}; null disables the check
  * @param threads         worker threads answering requests (the JDK server parses on one dispatcher thread)
  * @param journalCapacity requests the journal keeps (oldest dropped first); 0 keeps none
  * @param defaultPageSize {@code count} when a query gives none
  * @param maxPageSize     the most resources one page returns, advertised as filter.maxResults
  * @param bulkLimits      the most operations and bytes one POST /Bulk may carry, advertised in the
  *                        ServiceProviderConfig (the {@code noBulk} quirk switches bulk off entirely)
  */
public record ScimServerConfig(String bindAddress, int port, String basePath, String bearerToken, int threads,
                                                              int journalCapacity, int defaultPageSize, int maxPageSize,
                                                              BulkLimits bulkLimits) {

    /** Both at least 1. */
    public record BulkLimits(int maxOperations, int maxPayloadSize) {
        /** What the server accepts unless told otherwise: 1,000 operations, 1 MiB. */
        public static final BulkLimits DEFAULT = new BulkLimits(1_000, 1_048_576);

        public BulkLimits {
            if (maxOperations < 1 || maxPayloadSize < 1) {
                throw new IllegalArgumentException("bulk limits must be positive: " + maxOperations + ", "
                        + maxPayloadSize);
            }
        }
    }

    public ScimServerConfig {
        if (basePath == null || !basePath.startsWith("/") || basePath.length() < 2) {
            throw new IllegalArgumentException("basePath must start with '/' and not be '/' alone: " + basePath);
        }
        basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        if (basePath.equals("/_sandbox")) {
            throw new IllegalArgumentException("/_sandbox is reserved for the admin endpoints");
        }
        if (bulkLimits == null) {
            throw new IllegalArgumentException("bulkLimits are required");
        }
        if (threads < 1 || journalCapacity < 0 || defaultPageSize < 0 || maxPageSize < 1) {
            throw new IllegalArgumentException("threads and maxPageSize must be positive, the others not negative");
        }
    }

    /** 127.0.0.1, an ephemeral port, /scim/v2, token "sandbox-token", 16 workers, {@link BulkLimits#DEFAULT}. */
    public static ScimServerConfig defaults() {
        return new ScimServerConfig("127.0.0.1", 0, "/scim/v2", "sandbox-token", 16, 10_000, 100, 1_000,
                BulkLimits.DEFAULT);
    }

    public ScimServerConfig withBindAddress(String address) {
        return new ScimServerConfig(address, port, basePath, bearerToken, threads, journalCapacity, defaultPageSize,
                maxPageSize, bulkLimits);
    }

    public ScimServerConfig withPort(int newPort) {
        return new ScimServerConfig(bindAddress, newPort, basePath, bearerToken, threads, journalCapacity,
                defaultPageSize, maxPageSize, bulkLimits);
    }

    public ScimServerConfig withBasePath(String path) {
        return new ScimServerConfig(bindAddress, port, path, bearerToken, threads, journalCapacity, defaultPageSize,
                maxPageSize, bulkLimits);
    }

    public ScimServerConfig withBearerToken(String token) {
        return new ScimServerConfig(bindAddress, port, basePath, token, threads, journalCapacity, defaultPageSize,
                maxPageSize, bulkLimits);
    }

    public ScimServerConfig withThreads(int count) {
        return new ScimServerConfig(bindAddress, port, basePath, bearerToken, count, journalCapacity, defaultPageSize,
                maxPageSize, bulkLimits);
    }

    public ScimServerConfig withJournalCapacity(int capacity) {
        return new ScimServerConfig(bindAddress, port, basePath, bearerToken, threads, capacity, defaultPageSize,
                maxPageSize, bulkLimits);
    }

    public ScimServerConfig withPageSizes(int defaultSize, int maxSize) {
        return new ScimServerConfig(bindAddress, port, basePath, bearerToken, threads, journalCapacity, defaultSize,
                maxSize, bulkLimits);
    }

    public ScimServerConfig withBulkLimits(int maxOperations, int maxPayloadSize) {
        return new ScimServerConfig(bindAddress, port, basePath, bearerToken, threads, journalCapacity,
                defaultPageSize, maxPageSize, new BulkLimits(maxOperations, maxPayloadSize));
    }
}
