package org.opensync.jobapi.odata;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing: at most {@code $top} items, whether a next page exists, and the total count when
 * {@code $count} asked for it (null otherwise).
 */
public record ResultPage<T>(List<T> items, boolean more, Long total) {

    /**
     * Reads one row beyond the page ({@code range} includes both ends), which tells whether a next page exists
     * without counting; counts only when {@code count}.
     */
    public static <T> ResultPage<T> read(PanacheQuery<T> query, Paging paging, boolean count) {
        List<T> rows = query.range(paging.skip(), paging.skip() + paging.top()).list();
        boolean more = rows.size() > paging.top();
        return new ResultPage<>(more ? rows.subList(0, paging.top()) : rows, more, count ? query.count() : null);
    }

    public <R> ResultPage<R> map(Function<T, R> convert) {
        return new ResultPage<>(items.stream().map(convert).toList(), more, total);
    }
}
