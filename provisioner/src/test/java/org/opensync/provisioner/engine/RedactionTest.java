package org.opensync.provisioner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opensync.mapping.apply.AttributeChange;
import org.opensync.mapping.apply.AttributeFailure;
import org.opensync.mapping.apply.ChangeKind;
import org.opensync.mapping.value.Value;

class RedactionTest {
    private final Redaction redaction = new Redaction(Set.of("password"), "job/anchor");

    @Test
    void showsSecretsAsRedactedAndOtherValuesAsThemselves() {
        assertThat(redaction.shown("password", "S3cret!x")).isEqualTo("[Redacted]");
        assertThat(redaction.shown("password", null)).isNull();
        assertThat(redaction.shown("title", "Boss")).isEqualTo("Boss");
        assertThat(redaction.message(new AttributeFailure("password", "InvalidTargetValue", "'S3cret!x' is bad")))
                .isEqualTo("InvalidTargetValue (the details are withheld: the mapping uses Redact)");
        assertThat(redaction.message(new AttributeFailure("title", "InvalidTargetValue", "'x' is bad")))
                .isEqualTo("'x' is bad");
    }

    @Test
    void blanksRememberedSecretsOutOfFreeText() {
        assertThat(redaction.scrub("nothing remembered yet: S3cret!x")).isEqualTo("nothing remembered yet: S3cret!x");

        redaction.remember(List.of(new AttributeChange("password", ChangeKind.SET, Value.text("S3cret!x"), true),
                new AttributeChange("title", ChangeKind.SET, Value.text("Boss of all"), false)));

        assertThat(redaction.scrub("password 'S3cret!x' is too weak (Boss of all)"))
                .isEqualTo("password '[Redacted]' is too weak (Boss of all)");
        assertThat(redaction.scrub(null)).isNull();
    }

    @Test
    void storesASaltedHashThatTellsAnUnchangedSecretFromAChangedOne() {
        Map<String, Object> stored = redaction.stored(Map.of("password", "S3cret!x", "title", "Boss"));

        assertThat(stored.get("title")).isEqualTo("Boss");
        assertThat((String) stored.get("password")).startsWith("sha256:").doesNotContain("S3cret");
        assertThat(redaction.stored(stored)).as("a stored hash is kept, not hashed again").isEqualTo(stored);
        assertThat(new Redaction(Set.of("password"), "job/other").stored(Map.of("password", "S3cret!x")))
                .as("salted per object").isNotEqualTo(Map.of("password", stored.get("password")));

        Map<String, Object> unchanged = new LinkedHashMap<>(Map.of("password", "S3cret!x"));
        redaction.keepUnchanged(stored, unchanged);
        assertThat(unchanged.get("password")).isEqualTo(stored.get("password"));
        Map<String, Object> changed = new LinkedHashMap<>(Map.of("password", "N3w-secret"));
        redaction.keepUnchanged(stored, changed);
        assertThat(changed.get("password")).isEqualTo("N3w-secret");
    }

    @Test
    void aTargetThatHidesTheSecretKeepsTheStoredHash() {
        Map<String, Object> lastExported = redaction.stored(Map.of("password", "S3cret!x"));
        Map<String, Object> shownByTarget = new LinkedHashMap<>(Map.of("title", "Boss"));

        redaction.carryOver(lastExported, shownByTarget);

        assertThat(shownByTarget).containsEntry("password", lastExported.get("password")).containsEntry("title", "Boss");
    }
}
