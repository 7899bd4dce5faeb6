package org.opensync.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.ldap.sdk.Entry;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.Topics;
import org.opensync.common.logs.ProvisioningLogRecorded;
import org.opensync.common.logs.ProvisioningObjectSummary;
import org.opensync.common.secrets.SealedValues;
import org.opensync.common.secrets.SecretBox;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.ldap.GeneratedUser;
import org.opensync.sandbox.scim.JournalEntry;
import org.opensync.testing.DatabaseText;
import org.opensync.testing.LogCapture;
import org.opensync.testing.TopicProbe;

/**
 * Mappings that must not leak or run away: a {@code Redact} value reaches the SCIM target and nowhere else (provisioning
 * logs on the topic, the provisioner's tables, its log output), and a mapping over the evaluation limits fails its
 * object only.
 */
@QuarkusTest
class RedactionAndLimitsTest extends ProvisionerTestBase {
    private static final String PASSWORD = "password";
    private static final String NICK_NAME = "nickName";
    private static final String SUFFIX = "-Pa55word!";

    @Inject
    AgroalDataSource dataSource;

    private LogCapture log;

    @BeforeEach
    void captureLog() {
        log = LogCapture.start();
    }

    @AfterEach
    void releaseLog() {
        log.close();
    }

    @Test
    void aRedactedValueReachesTheTargetAndNothingElse() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(3, 0);
        TargetJob job = ready(schema -> {
            addTargetAttribute(schema, PASSWORD);
            addMapping(schema, PASSWORD, "Redact(RandomString(20, 2, 2, 2, 2, ))", "ObjectAddOnly");
            addMapping(schema, NICK_NAME, "Redact(Append([givenName], \"" + SUFFIX + "\"))", "Always");
        });
        finished(job, job.cycle(Set.of(), initialImages(job, data)));

        Set<String> secrets = new LinkedHashSet<>();
        List<JournalEntry> posts = scim.journal().matching("POST", ".*/Users");
        assertThat(posts).hasSize(3).allSatisfy(post -> {
            assertThat(post.json().path(PASSWORD).asText()).hasSize(20);
            assertThat(post.json().path(NICK_NAME).asText()).endsWith(SUFFIX);
            secrets.add(post.json().path(PASSWORD).asText());
            secrets.add(post.json().path(NICK_NAME).asText());
        });
        GeneratedUser renamed = data.users().get(0);
        assertThat(secrets).hasSize(6).contains(renamed.givenName() + SUFFIX);
        ProvisioningObjectSummary created = logFor(job, "create");
        assertThat(created.modifiedProperties()).filteredOn(p -> Set.of(PASSWORD, NICK_NAME).contains(p.displayName()))
                .hasSize(2).allSatisfy(p -> assertThat(p.newValue()).isEqualTo("[Redacted]"));

        scim.journal().clear();
        Entry changed = renamed.toEntry();
        changed.setAttribute("givenName", "Renamed");
        finished(job, job.cycle(Set.of(), List.of(job.object("User", changed, false),
                job.object("User", data.users().get(1).toEntry(), false))));

        List<JournalEntry> patches = scim.journal().matching("PATCH", ".*/Users/.*");
        assertThat(patches).as("an unchanged secret is not sent again; a changed one is").hasSize(1);
        assertThat(patches.get(0).body()).contains("Renamed" + SUFFIX).doesNotContain("\"" + PASSWORD + "\"");
        secrets.add("Renamed" + SUFFIX);
        ProvisioningObjectSummary updated = logFor(job, "update");
        assertThat(updated.modifiedProperties()).filteredOn(p -> p.displayName().equals(NICK_NAME)).singleElement()
                .satisfies(p -> {
                    assertThat(p.oldValue()).isEqualTo("[Redacted]");
                    assertThat(p.newValue()).isEqualTo("[Redacted]");
                });

        List<String> records = logs.await(TopicProbe.keyed(job.jobId), 5, TIMEOUT).stream()
                .map(ConsumerRecord::value).toList();
        String tables = DatabaseText.of(dataSource);
        assertThat(tables).contains(job.jobId, "sha256:");
        for (String secret : secrets) {
            assertThat(records).noneSatisfy(record -> assertThat(record).contains(secret));
            assertThat(tables).doesNotContain(secret);
            assertThat(log.text()).doesNotContain(secret);
        }
        assertThat(log.text()).as("the log capture works").contains(job.jobId);
    }

    /**
     * A source value a Redact mapping reads arrives sealed (as change-detector publishes it): the provisioner opens it
     * for the target only, and a value sealed with a key it does not have fails its object, not the cycle.
     */
    @Test
    void aSealedSourceValueReachesTheTargetAndNothingElse() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(2, 0);
        TargetJob job = ready(schema -> {
            addTargetAttribute(schema, PASSWORD);
            addMapping(schema, PASSWORD, "Redact([description])", "Always");
        });
        String secret = "S3cret-" + job.jobId;
        TopicProbe changes = TopicProbe.fromNow(Topics.OBJECT_CHANGES);
        try (changes) {
            finished(job, job.cycle(Set.of(), List.of(
                    sealedDescription(job, data.users().get(0), secret, TargetJob.TRANSPORT_KEY),
                    sealedDescription(job, data.users().get(1), "other", SecretBox.generateKey()))));

            List<JournalEntry> posts = scim.journal().matching("POST", ".*/Users");
            assertThat(posts).singleElement().satisfies(post ->
                    assertThat(post.json().path(PASSWORD).asText()).isEqualTo(secret));
            assertThat(logs.await(r -> r.key().equals(job.jobId) && r.value().contains(
                    "SealedValuesUnreadable"), 1, TIMEOUT)).singleElement().satisfies(r ->
                    assertThat(r.value()).contains(data.users().get(1).toEntry().getDN()));
            List<String> records = new ArrayList<>(changes.records(r -> r.key().startsWith(job.jobId)).stream()
                    .map(ConsumerRecord::value).toList());
            records.addAll(logs.records(TopicProbe.keyed(job.jobId)).stream().map(ConsumerRecord::value).toList());
            assertThat(records).hasSizeGreaterThan(4).noneSatisfy(record -> assertThat(record).contains(secret));
            assertThat(DatabaseText.of(dataSource)).contains(job.jobId).doesNotContain(secret);
            assertThat(log.text()).contains(job.jobId).doesNotContain(secret);
        }
    }

    private static ObjectChange.ObjectChanged sealedDescription(TargetJob job, GeneratedUser user, String value,
                                                               String key) {
        Entry entry = user.toEntry();
        entry.setAttribute("description", value);
        ObjectChange.ObjectChanged change = job.object("User", entry, false);
        return new ObjectChange.ObjectChanged(change.eventId(), change.occurredAt(), change.jobId(), change.cycleId(),
                change.objectType(), change.anchor(), change.dn(), false, SealedValues.seal(new SecretBox(key,
                List.of()), job.jobId, change.attributes(), Set.of("description")));
    }

    @Test
    void aMappingOverTheEvaluationLimitsFailsItsObjectOnly() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(3, 0);
        String bomb = "[description]";
        for (int level = 0; level < 9; level++) {
            bomb = "Replace(" + bomb + ", \"b\", , , \"bbbbbbbb\", , )";
        }
        String expression = bomb;
        TargetJob job = ready(schema -> addMapping(schema, "userType", expression, "Always"));
        Entry exploding = data.users().get(0).toEntry();
        exploding.setAttribute("description", "bbbbbbbb");

        finished(job, job.cycle(Set.of(), List.of(job.object("User", exploding, false),
                job.object("User", data.users().get(1).toEntry(), false),
                job.object("User", data.users().get(2).toEntry(), false))));

        assertThat(scim.users().size()).isEqualTo(2);
        ProvisioningObjectSummary failed = logs.await(r -> r.key().equals(job.jobId)
                        && r.value().contains("ExpressionEvaluationFailed"), 1, TIMEOUT).stream()
                .map(r -> EventCodec.decode(r.value(), ProvisioningLogRecorded.class).summary()).findFirst()
                .orElseThrow();
        assertThat(failed.provisioningStatusInfo().status()).isEqualTo("failure");
        assertThat(failed.sourceIdentity().details().get("DistinguishedName")).isEqualTo(exploding.getDN());
        assertThat(failed.provisioningStatusInfo().errorInformation().reason())
                .contains("userType: Replace: the value would be longer than 65536 characters", "maxValueLength");
    }

    private static ObjectNode targetUser(ObjectNode schema) {
        for (var directory : schema.path("directories")) {
            if (directory.path("name").asText().equals("customappsso")) {
                for (var object : directory.path("objects")) {
                    if (object.path("name").asText().equals("User")) {
                        return (ObjectNode) object;
                    }
                }
            }
        }
        throw new IllegalStateException("the template has no target User");
    }

    /** A string attribute like nickName under another name. */
    private static void addTargetAttribute(ObjectNode schema, String name) {
        ArrayNode attributes = (ArrayNode) targetUser(schema).path("attributes");
        for (var attribute : attributes) {
            if (attribute.path("name").asText().equals(NICK_NAME)) {
                attributes.add(((ObjectNode) attribute.deepCopy()).put("name", name));
                return;
            }
        }
    }
}
