package org.opensync.common.web;

import java.time.Duration;
import java.util.List;

/**
 * A failure to report to the client in the Graph error shape. Resources and services throw it; the exception
 * mappers render it.
 */
public class GraphException extends RuntimeException {
    private final int status;
    private final ErrorCode code;
    private final String target;
    private final List<GraphError.Item> details;
    private Duration retryAfter;

    public GraphException(int status, ErrorCode code, String message, String target) {
        this(status, code, message, target, null);
    }

    public GraphException(int status, ErrorCode code, String message, String target, List<GraphError.Item> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.target = target;
        this.details = details;
    }

    public static GraphException badRequest(String message) {
        return new GraphException(400, ErrorCode.INVALID_REQUEST, message, null);
    }

    public static GraphException badRequest(String message, String target) {
        return new GraphException(400, ErrorCode.INVALID_REQUEST, message, target);
    }

    public static GraphException notFound(String message) {
        return new GraphException(404, ErrorCode.NOT_FOUND, message, null);
    }

    public static GraphException conflict(String message) {
        return new GraphException(409, ErrorCode.CONFLICT, message, null);
    }

    /** A 429 or 503 that tells the client when to come back ({@code Retry-After}, whole seconds). */
    public GraphException retryAfter(Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    /** When the client may retry; null when the header is not sent. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public int status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }

    public String target() {
        return target;
    }

    /** One item per problem when a request has several, e.g. every invalid mapping of a schema. */
    public List<GraphError.Item> details() {
        return details;
    }
}
