package org.opensync.common.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of every error response: Graph's {@code {"error":{"code","message",...}}} object. */
public record GraphError(Detail error) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String code, String message, String target, List<Item> details, InnerError innerError) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String code, String message, String target) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InnerError(String date, @JsonProperty("request-id") String requestId,
                             @JsonProperty("client-request-id") String clientRequestId) {
    }
}
