package org.opensync.changedetector;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.HashMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.Tick;
import org.opensync.common.events.Topics;
import org.opensync.common.mirror.SchemaMirror;
import org.opensync.common.mirror.SecretsMirror;
import org.opensync.testing.TopicProbe;

/**
 * A job whose source is a CSV file in the inbox, on the real topics and database: the first file publishes every row;
 * a later file only its changed and new rows and its leavers (disabled, once); an unchanged file nothing; a malformed
 * file or a path out of the inbox fails the cycle with the reason.
 */
@QuarkusTest
class CsvCycleTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Path INBOX = Path.of("target", "csv-inbox");

    @Inject
    SchemaMirror schemas;

    @Inject
    SecretsMirror secrets;

    @Test
    void onlyChangedNewAndMissingRowsFlowAndAnUnchangedFilePublishesNothing() throws IOException {
        String file = "people-" + UUID.randomUUID() + ".csv";
        SourceJob job = csvJob(file, Map.of("CsvMultiValueColumns", "Groups"));
        write(file, rows(1000, i -> row(i, "Staff")));
        List<ObjectChange.ObjectChanged> first = cycle(job);
        assertThat(first).hasSize(1000);
        assertThat(first.get(0).attributes()).containsEntry("EmployeeId", List.of("E0000"))
                .containsEntry("Groups", List.of("Staff", "All")).containsEntry("IsSoftDeleted", List.of("False"))
                .containsEntry("objectId", List.of("E0000"));
        assertThat(first.get(0).dn()).isEqualTo("E0000");

        // 10 changed (0-9), 5 missing (10-14), 5 new (1000-1004)
        write(file, IntStream.range(0, 1005).filter(i -> i < 10 || i >= 15)
                .mapToObj(i -> i < 10 ? row(i, "Sales") : row(i, "Staff")).collect(Collectors.joining()));
        List<ObjectChange.ObjectChanged> second = cycle(job);
        Map<String, ObjectChange.ObjectChanged> byAnchor = second.stream()
                .collect(Collectors.toMap(ObjectChange.ObjectChanged::anchor, c -> c));
        assertThat(byAnchor.keySet()).containsExactlyInAnyOrderElementsOf(IntStream.concat(IntStream.range(0, 15),
                IntStream.range(1000, 1005)).mapToObj(CsvCycleTest::key).toList());
        assertThat(byAnchor.get("E0003").attributes()).containsEntry("Groups", List.of("Sales", "All"));
        assertThat(byAnchor.get("E1002").attributes()).containsEntry("IsSoftDeleted", List.of("False"));
        assertThat(byAnchor.get("E0012").deleted()).isFalse();
        assertThat(byAnchor.get("E0012").attributes()).containsEntry("IsSoftDeleted", List.of("True"));

        // the same content again: nothing; a new file with the same rows: nothing either (the leavers stay disabled)
        assertThat(cycle(job)).isEmpty();
        write(file, IntStream.range(0, 1005).filter(i -> i < 10 || i >= 15)
                .mapToObj(i -> i < 10 ? row(i, "Sales") : row(i, "Staff")).collect(Collectors.joining()) + "\n");
        assertThat(cycle(job)).isEmpty();
    }

    @Test
    void aMalformedFileOrAPathOutOfTheInboxFailsTheCycleWithTheReason() throws IOException {
        SourceJob job = csvJob("broken.csv", Map.of());
        write("broken.csv", row(1, "Staff") + "E9,too,many,cells,here,x\n");
        try (TopicProbe events = TopicProbe.fromNow(Topics.JOB_EVENTS);
             TopicProbe changes = TopicProbe.fromNow(Topics.OBJECT_CHANGES)) {
            job.tick(Tick.CycleKind.Incremental, Set.of());
            assertThat(failure(job, events).message()).contains("broken.csv").contains("line 3");
            assertThat(changes.records(r -> r.key().startsWith(job.jobId + ":"))).isEmpty();
        }
        SourceJob escaping = csvJob("../outside.csv", Map.of());
        try (TopicProbe events = TopicProbe.fromNow(Topics.JOB_EVENTS)) {
            escaping.tick(Tick.CycleKind.Incremental, Set.of());
            JobEvent.CycleError error = failure(escaping, events);
            assertThat(error.code()).isEqualTo("CredentialsInvalid");
            assertThat(error.message()).contains("leads out of the CSV inbox");
        }
    }

    private SourceJob csvJob(String file, Map<String, String> more) {
        SourceJob job = new SourceJob();
        job.publishCsvSchema();
        Map<String, String> values = new HashMap<>(Map.of("CsvPath", file, "CsvKeyColumn", "EmployeeId"));
        values.putAll(more);
        job.publishSecrets(values);
        Awaitility.await().atMost(TIMEOUT).until(() -> schemas.schemaOf(job.jobId).isPresent()
                && secrets.secretsOf(job.servicePrincipalId).isPresent());
        return job;
    }

    /** Runs one cycle and returns its object changes. */
    private static List<ObjectChange.ObjectChanged> cycle(SourceJob job) {
        try (TopicProbe changes = TopicProbe.fromNow(Topics.OBJECT_CHANGES)) {
            List<ObjectChange> cycle = job.runCycle(Tick.CycleKind.Incremental, changes, TIMEOUT);
            assertThat(cycle.get(0)).isInstanceOfSatisfying(ObjectChange.CycleBegan.class,
                    began -> assertThat(began.cycleKind()).isEqualTo(Tick.CycleKind.Incremental));
            List<ObjectChange.ObjectChanged> objects = SourceJob.objectsOf(cycle);
            assertThat(cycle.get(cycle.size() - 1)).isInstanceOfSatisfying(ObjectChange.CycleReadCompleted.class,
                    done -> assertThat(done.changes()).isEqualTo(objects.size()));
            return objects;
        }
    }

    private static JobEvent.CycleError failure(SourceJob job, TopicProbe events) {
        events.await(r -> r.key().equals(job.jobId) && r.value().contains("CycleFinished"), 1, TIMEOUT);
        JobEvent.CycleFinished finished = events.records(r -> r.key().equals(job.jobId)).stream()
                .map(r -> EventCodec.decode(r.value(), JobEvent.class))
                .filter(e -> e instanceof JobEvent.CycleFinished).map(e -> (JobEvent.CycleFinished) e)
                .findFirst().orElseThrow();
        assertThat(finished.result()).isEqualTo(JobEvent.CycleResult.Failed);
        return finished.error();
    }

    /** Writes the file beside and moves it in, as a drop should be made: a cycle never reads half a file. */
    private static void write(String file, String rows) throws IOException {
        Files.createDirectories(INBOX);
        Path written = Files.writeString(INBOX.resolve(file + ".tmp"), "EmployeeId,Mail,Groups\n" + rows);
        Files.move(written, INBOX.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String rows(int count, IntFunction<String> row) {
        return IntStream.range(0, count).mapToObj(row).collect(Collectors.joining());
    }

    private static String row(int i, String group) {
        return key(i) + "," + key(i).toLowerCase() + "@example.org,\"" + group + ";All\"\n";
    }

    private static String key(int i) {
        return String.format("E%04d", i);
    }
}
