package org.opensync.connectors.scim;

/**
  * What became of one body given to {@link ScimClient#createEach}: the created resource, or the failure a single POST
  * of it would have thrown. Exactly one is non-null.
  */
public record BulkResult(ScimResource created, ScimException failure) {

    public BulkResult {
        if ((created == null) == (failure == null)) {
            throw new IllegalArgumentException("a bulk result is either created or failed");
        }
    }

    static BulkResult of(ScimResource created) {
        return new BulkResult(created, null);
    }

    static BulkResult of(ScimException failure) {
        return new BulkResult(null, failure);
    }

    public boolean succeeded() {
        return created != null;
    }
}
