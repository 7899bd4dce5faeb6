package org.opensync.sandbox.ldap;

import com.unboundid.ldap.sdk.Entry;

import java.util.AbstractList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** A generated data set; users and groups are computed on access, so large sets cost no memory until used. */
public final class DirectoryData {

    private final DirectoryDataGenerator generator;
    private final int userCount;
    private final int groupCount;

    DirectoryData(DirectoryDataGenerator generator, int userCount, int groupCount) {
        if (userCount < 0 || groupCount < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (groupCount > 0 && userCount == 0) {
            throw new IllegalArgumentException("groups need at least one user to draw members from");
        }
        this.generator = generator;
        this.userCount = userCount;
        this.groupCount = groupCount;
    }

    public int userCount() {
        return userCount;
    }

    public int groupCount() {
        return groupCount;
    }

    public List<GeneratedUser> users() {
        return new AbstractList<>() {
            @Override
            public GeneratedUser get(int index) {
                return generator.user(index);
            }

            @Override
            public int size() {
                return userCount;
            }
        };
    }

    public List<GeneratedGroup> groups() {
        return IntStream.range(0, groupCount).mapToObj(i -> generator.group(i, userCount, groupCount)).toList();
    }

    /** Containers, then users (managers before their reports), then groups: an order slapadd accepts. */
    public Stream<Entry> entries() {
        return Stream.of(
                        DirectoryLayout.containerEntries().stream(),
                        users().stream().map(GeneratedUser::toEntry),
                        IntStream.range(0, groupCount).mapToObj(i -> generator.group(i, userCount, groupCount).toEntry()))
                .flatMap(s -> s);
    }
}
