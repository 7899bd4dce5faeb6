package org.opensync.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ObjectChangePartsTest {
    private static final int LIMIT = 32 * 1024;

    @Test
    void aChangeThatFitsIsNotSplit() {
        ObjectChange.ObjectChanged small = group(10, "");
        List<ObjectChange.ObjectChanged> parts = ObjectChangeParts.split(small, LIMIT);
        assertEquals(1, parts.size());
        assertSame(small, parts.get(0));
        assertFalse(EventCodec.encode(small).contains("\"part"), "no part numbers on a whole image");
    }

    @Test
    void aLargeGroupIsSplitIntoPartsThatEachFitAndAssembleToTheImage() {
        ObjectChange.ObjectChanged large = group(4_000, "");
        assertTrue(size(large) > 4 * LIMIT);

        List<ObjectChange.ObjectChanged> parts = ObjectChangeParts.split(large, LIMIT);

        assertTrue(parts.size() > 4);
        for (int i = 0; i < parts.size(); i++) {
            ObjectChange.ObjectChanged part = parts.get(i);
            assertTrue(size(part) <= LIMIT, "part " + (i + 1) + " has " + size(part) + " bytes");
            assertEquals(i + 1, part.part());
            assertEquals(parts.size(), part.parts());
            assertTrue(part.partial());
            assertEquals(large.eventId(), part.eventId());
            assertEquals(large.anchor(), part.anchor());
            assertEquals(part, EventCodec.decode(EventCodec.encode(part), ObjectChange.class));
        }
        List<ObjectChange.ObjectChanged> shuffled = new ArrayList<>(parts);
        Collections.reverse(shuffled);
        ObjectChange.ObjectChanged assembled = ObjectChangeParts.assemble(shuffled);
        assertEquals(large, assembled);
        assertNull(assembled.part());
    }

    @Test
    void multiByteValuesAreCountedInBytes() {
        ObjectChange.ObjectChanged large = group(4_000, "ü€");
        for (ObjectChange.ObjectChanged part : ObjectChangeParts.split(large, LIMIT)) {
            assertTrue(size(part) <= LIMIT);
        }
        assertEquals(large, ObjectChangeParts.assemble(ObjectChangeParts.split(large, LIMIT)));
    }

    @Test
    void aValueLargerThanARecordLeavesTheChangeWhole() {
        ObjectChange.ObjectChanged large = group(4_000, "");
        Map<String, List<String>> image = new LinkedHashMap<>(large.attributes());
        image.put("description", List.of("x".repeat(LIMIT)));
        ObjectChange.ObjectChanged tooLarge = new ObjectChange.ObjectChanged(large.eventId(), large.occurredAt(),
                large.jobId(), large.cycleId(), large.objectType(), large.anchor(), large.dn(), false, image);
        assertEquals(List.of(tooLarge), ObjectChangeParts.split(tooLarge, LIMIT));

        ObjectChange.ObjectChanged hugeDn = new ObjectChange.ObjectChanged("e", Instant.EPOCH, "job-1", "cycle-1",
                "User", "anchor-2", "uid=" + "x".repeat(LIMIT), true, Map.of());
        assertEquals(List.of(hugeDn), ObjectChangeParts.split(hugeDn, LIMIT));
    }

    @Test
    void aMissingPartIsRefused() {
        List<ObjectChange.ObjectChanged> parts = new ArrayList<>(ObjectChangeParts.split(group(4_000, ""), LIMIT));
        parts.remove(1);
        assertThrows(IllegalArgumentException.class, () -> ObjectChangeParts.assemble(parts));
    }

    private static ObjectChange.ObjectChanged group(int members, String accent) {
        Map<String, List<String>> image = new LinkedHashMap<>();
        image.put("objectId", List.of("anchor-1"));
        image.put("cn", List.of("everyone" + accent));
        image.put("member", IntStream.range(0, members)
                .mapToObj(i -> "uid=user" + accent + i + ",ou=people,dc=example,dc=org").toList());
        image.put("description", List.of());
        return new ObjectChange.ObjectChanged("event-1", Instant.EPOCH, "job-1", "cycle-1", "Group", "anchor-1",
                "cn=everyone,ou=groups,dc=example,dc=org", false, image);
    }

    private static int size(ObjectChange.ObjectChanged change) {
        return EventCodec.encode(change).getBytes(StandardCharsets.UTF_8).length;
    }
}
