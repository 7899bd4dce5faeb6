package org.opensync.common.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An OData collection response: the items in {@code value}, plus count and next-page link when asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ODataCollection<T>(@JsonProperty("@odata.context") String context,
                                 @JsonProperty("@odata.count") Long count,
                                 List<T> value,
                                 @JsonProperty("@odata.nextLink") String nextLink) {

    public static <T> ODataCollection<T> of(String context, List<T> value) {
        return new ODataCollection<>(context, null, value, null);
    }
}
