package org.opensync.changedetector.cycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.opensync.connectors.source.SourceImages;
import org.opensync.connectors.source.SourcePlan;
import org.opensync.common.events.ObjectChange;
import org.opensync.connectors.ldap.DeltaListener;
import org.opensync.connectors.ldap.DeltaResult;
import org.opensync.connectors.ldap.LdapSource;
import org.opensync.connectors.ldap.ObjectTypeQuery;
import org.opensync.connectors.ldap.SourceEntry;
import org.opensync.connectors.ldap.Watermark;

/**
 * Reads one cycle from the source and turns it into object changes, in batches: a full read publishes every
 * object and deletes what was known but not read; a delta read publishes objects whose image changed, the deletions
 * the server lists, and — in a present phase — deletes what it did not list as present. Each batch is flushed
 * before its state is saved, and only the records Kafka acknowledged change it: a published image's hash, a
 * deletion's forgotten anchor. An object whose record failed keeps the hash last published (the next cycle publishes
 * it again) and counts as seen (it is no deletion); a deletion that failed stays known (the next cycle misses the
 * object again). Before each batch it checks that this instance still holds the job ({@code stillHeld} throws when
 * not), so that a cycle whose lease ran out publishes no more. A file source (CSV) is read whole each time, but
 * publishes only what changed, and disables rather than deletes what is missing ({@link #file}).
 */
final class CycleReader implements DeltaListener {
    private final String jobId;
    private final String cycleId;
    private final ChangePublisher.Batch publisher;
    private final JobState state;
    private final int batchSize;
    private final Runnable stillHeld;
    /** Seals the values a Redact mapping reads; the hash that detects changes is of the values as read. */
    private final UnaryOperator<Map<String, List<String>>> sealSecrets;
    private final Acknowledgements<JobState.Seen> published = new Acknowledgements<>();
    private final List<SourceEntry> entries = new ArrayList<>();
    private final List<String> present = new ArrayList<>();
    /** Deletions the source listed, by anchor, with the types whose searches listed them. */
    private final Map<String, Set<String>> deletedAnchors = new LinkedHashMap<>();
    /** Anchors read as changed in this cycle: a source may list them as deleted from another search too. */
    private final Set<String> changedAnchors = new HashSet<>();
    private boolean publishEveryObject;
    private long imported;
    private long changes;

    CycleReader(String jobId, String cycleId, ChangePublisher.Batch publisher, JobState state, int batchSize,
                Runnable stillHeld, UnaryOperator<Map<String, List<String>>> sealSecrets) {
        this.stillHeld = stillHeld;
        this.sealSecrets = sealSecrets;
        this.jobId = jobId;
        this.cycleId = cycleId;
        this.publisher = publisher;
        this.state = state;
        this.batchSize = batchSize;
    }

    long imported() {
        return imported;
    }

    long changes() {
        return changes;
    }

    Watermark full(LdapSource source, SourcePlan plan) {
        publishEveryObject = true;
        Watermark next = source.fullRead(plan.queries(), this::changed);
        flushEntries();
        for (ObjectTypeQuery type : plan.queries()) {
            deleteUnseen(type.typeName());
        }
        return next;
    }

    Watermark delta(LdapSource source, SourcePlan plan, Watermark since) {
        publishEveryObject = false;
        DeltaResult result = source.deltaRead(plan.queries(), since, this);
        flushEntries();
        flushPresent();
        changedAnchors.forEach(deletedAnchors::remove);
        if (!deletedAnchors.isEmpty()) {
            Map<String, JobState.Known> known = state.known(jobId, new ArrayList<>(deletedAnchors.keySet()));
            publishDeletions(deletedAnchors.entrySet().stream()
                    .filter(deleted -> known.containsKey(deleted.getKey())
                            && deleted.getValue().contains(known.get(deleted.getKey()).type()))
                    .map(deleted -> new JobState.Seen(deleted.getKey(), known.get(deleted.getKey()).type(), null,
                            null)).toList());
        }
        for (ObjectTypeQuery type : plan.queries()) {
            if (result.presentPhase(type.typeName())) {
                deleteUnseen(type.typeName());
            }
        }
        return result.watermark();
    }

    /**
     * Starts the read of a file source. A file has no delta: every row is read, and only the rows whose image changed
     * since the last import are published (every row when {@code everyRow}, after a restart).
     */
    void file(boolean everyRow) {
        publishEveryObject = everyRow;
    }

    /** One row of a file source; {@link #fileRead()} after the last. */
    void row(SourceEntry entry) {
        imported++;
        entries.add(entry);
        if (entries.size() >= batchSize) {
            flushEntries();
        }
    }

    void fileRead() {
        flushEntries();
    }

    /**
     * Known objects of {@code type} that this cycle did not read become leavers: published once with the image of a
     * disabled object ({@code IsSoftDeleted}), not deleted, so the provisioner disables them (its deletion threshold
     * counts them). A leaver already published has that image's hash and is not published again; if the object
     * comes back, its image differs and it is published (enabled) like any change.
     */
    void disableUnseen(String type) {
        List<JobState.Seen> page;
        String after = "";
        do {
            stillHeld.run();
            page = state.unseen(jobId, type, cycleId, after, batchSize);
            for (JobState.Seen object : page) {
                Map<String, List<String>> image = leaver(object);
                String hash = SourceImages.hash(type, image);
                if (!hash.equals(object.hash())) {
                    publisher.objectChange(new ObjectChange.ObjectChanged(UUID.randomUUID().toString(),
                            Instant.now(), jobId, cycleId, type, object.anchor(), object.dn(), false, image),
                            published.track(new JobState.Seen(object.anchor(), type, object.dn(), hash)));
                    changes++;
                }
            }
            state.remember(jobId, cycleId, flushPublished().acknowledged());
            after = page.isEmpty() ? after : page.get(page.size() - 1).anchor();
        } while (page.size() == batchSize);
    }

    private static Map<String, List<String>> leaver(JobState.Seen object) {
        Map<String, List<String>> image = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        image.put("objectId", List.of(object.anchor()));
        image.put("dn", List.of(object.dn() == null ? object.anchor() : object.dn()));
        image.put("IsSoftDeleted", List.of("True"));
        return image;
    }

    @Override
    public void changed(SourceEntry entry) {
        if (!publishEveryObject) {
            changedAnchors.add(entry.anchor());
        }
        row(entry);
    }

    /**
     * Sources list more than deletions: OpenLDAP's session log names entries of another type or merely modified.
     * Only an anchor known as this type, and not read as changed in this cycle, is a deletion.
     */
    @Override
    public void deleted(String type, String anchor) {
        deletedAnchors.computeIfAbsent(anchor, a -> new HashSet<>()).add(type);
    }

    @Override
    public void present(String type, String anchor) {
        present.add(anchor);
        if (present.size() >= batchSize) {
            flushPresent();
        }
    }

    private void flushEntries() {
        if (entries.isEmpty()) {
            return;
        }
        stillHeld.run();
        Map<String, JobState.Known> known = state.known(jobId, entries.stream().map(SourceEntry::anchor).toList());
        List<JobState.Seen> unchanged = new ArrayList<>();
        for (SourceEntry entry : entries) {
            Map<String, List<String>> image = SourceImages.image(entry);
            String hash = SourceImages.hash(entry.type(), image);
            JobState.Seen seen = new JobState.Seen(entry.anchor(), entry.type(), entry.dn(), hash);
            JobState.Known before = known.get(entry.anchor());
            if (publishEveryObject || before == null || !before.hash().equals(hash)) {
                publisher.objectChange(new ObjectChange.ObjectChanged(UUID.randomUUID().toString(), Instant.now(),
                        jobId, cycleId, entry.type(), entry.anchor(), entry.dn(), false, sealSecrets.apply(image)),
                        published.track(seen));
                changes++;
            } else {
                unchanged.add(seen);
            }
        }
        entries.clear();
        Acknowledgements.Completed<JobState.Seen> completed = flushPublished();
        unchanged.addAll(completed.acknowledged());
        state.remember(jobId, cycleId, unchanged);
        state.markPresent(jobId, cycleId, anchors(completed.failed()));
    }

    private void flushPresent() {
        state.markPresent(jobId, cycleId, present);
        present.clear();
    }

    /** Pages through the unseen objects by anchor: a failed deletion stays unseen, and is not read twice. */
    private void deleteUnseen(String type) {
        List<JobState.Seen> page;
        String after = "";
        do {
            page = state.unseen(jobId, type, cycleId, after, batchSize);
            publishDeletions(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1).anchor();
        } while (page.size() == batchSize);
    }

    private void publishDeletions(List<JobState.Seen> gone) {
        for (int from = 0; from < gone.size(); from += batchSize) {
            stillHeld.run();
            for (JobState.Seen object : gone.subList(from, Math.min(gone.size(), from + batchSize))) {
                publisher.objectChange(new ObjectChange.ObjectChanged(UUID.randomUUID().toString(), Instant.now(),
                        jobId, cycleId, object.type(), object.anchor(), object.dn(), true, Map.of()),
                        published.track(object));
                changes++;
            }
            state.forgetObjects(jobId, anchors(flushPublished().acknowledged()));
        }
    }

    private Acknowledgements.Completed<JobState.Seen> flushPublished() {
        publisher.flush();
        return published.drain();
    }

    private static List<String> anchors(List<JobState.Seen> objects) {
        return objects.stream().map(JobState.Seen::anchor).toList();
    }
}
