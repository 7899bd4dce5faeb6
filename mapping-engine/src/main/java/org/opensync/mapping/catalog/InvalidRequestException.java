package org.opensync.mapping.catalog;

/**
 * A request that must be answered with HTTP 400 and the Graph error code {@code invalidRequest}: missing body or
 * expression, expression over 10,000 characters, malformed test input.
 */
public final class InvalidRequestException extends RuntimeException {
    /** The Graph error code. */
    public static final String CODE = "invalidRequest";

    private final String target;

    public InvalidRequestException(String message, String target) {
        super(message);
        this.target = target;
    }

    /** The request property at fault, for {@code error.target}; may be null. */
    public String target() {
        return target;
    }

    public String code() {
        return CODE;
    }
}
