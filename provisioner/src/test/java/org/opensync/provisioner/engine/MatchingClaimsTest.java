package org.opensync.provisioner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensync.mapping.apply.MatchingValue;
import org.opensync.mapping.value.Value;
import org.opensync.provisioner.cds.MatchingClaimTable;
import org.opensync.testing.InfraEndpoints;
import org.postgresql.ds.PGSimpleDataSource;

class MatchingClaimsTest {
    private static final Duration EXPIRY = Duration.ofMinutes(4);
    private static final String CYCLE = "cycle-1";
    private static MatchingClaimTable table;

    private final MatchingClaims claims = new MatchingClaims(table, EXPIRY);
    /** Another provisioner instance, sharing the database. */
    private final MatchingClaims otherInstance = new MatchingClaims(table, EXPIRY);

    @BeforeAll
    static void claimTable() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(InfraEndpoints.freshDatabase("provisioner_matching_claims"));
        dataSource.setUser(InfraEndpoints.postgresUser());
        dataSource.setPassword(InfraEndpoints.postgresPassword());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(Path.of("src/main/resources/db/migration/V13__matching_claim.sql")));
        }
        table = new MatchingClaimTable(dataSource);
    }

    @Test
    void aValueClaimedByAnObjectInFlightIsACollisionForAnotherOneUntilReleased() {
        List<MatchingValue> first = List.of(value("userName", "Marie@Example.org"), value("externalId", "1"));
        List<MatchingValue> twin = List.of(value("userName", "marie@example.org"), value("externalId", "2"));
        assertThat(claims.claim("job", CYCLE, "User", "anchor-1", first, WorkedBy.THIS_INSTANCE)).isEmpty();

        assertThat(claims.claim("job", CYCLE, "User", "anchor-2", twin, WorkedBy.THIS_INSTANCE))
                .hasValueSatisfying(collision -> {
                    assertThat(collision.anchor()).isEqualTo("anchor-1");
                    assertThat(collision.attribute()).isEqualTo("userName");
                    assertThat(collision.value()).isEqualTo("marie@example.org");
                });
        assertThat(claims.claim("job", CYCLE, "User", "anchor-1", first, WorkedBy.THIS_INSTANCE))
                .as("the holder may claim again").isEmpty();
        assertThat(claims.claim("other-job", CYCLE, "User", "anchor-2", twin, WorkedBy.THIS_INSTANCE))
                .as("jobs do not collide").isEmpty();
        assertThat(claims.claim("job", CYCLE, "Group", "anchor-3", twin, WorkedBy.THIS_INSTANCE))
                .as("types do not collide").isEmpty();

        claims.release("job", "User", "anchor-1", first, WorkedBy.THIS_INSTANCE, false);
        assertThat(claims.claim("job", CYCLE, "User", "anchor-2", twin, WorkedBy.THIS_INSTANCE)).isEmpty();
    }

    @Test
    void aCollisionLeavesNothingClaimedByTheLoser() {
        assertThat(claims.claim("job-2", CYCLE, "User", "anchor-1", List.of(value("externalId", "9")),
                WorkedBy.THIS_INSTANCE)).isEmpty();
        assertThat(claims.claim("job-2", CYCLE, "User", "anchor-2",
                List.of(value("userName", "x"), value("externalId", "9")), WorkedBy.THIS_INSTANCE)).isPresent();
        assertThat(claims.claim("job-2", CYCLE, "User", "anchor-3", List.of(value("userName", "x")),
                WorkedBy.THIS_INSTANCE)).as("not kept by the loser").isEmpty();
    }

    @Test
    void objectsOfASpreadCycleCollideAcrossInstancesAndOnlyThere() {
        List<MatchingValue> first = List.of(value("userName", "Ada@Example.org"), value("externalId", "7"));
        List<MatchingValue> twin = List.of(value("userName", "ada@example.org"), value("externalId", "8"));
        assertThat(claims.claim("job-3", CYCLE, "User", "anchor-1", first, WorkedBy.SEVERAL_INSTANCES)).isEmpty();

        assertThat(otherInstance.claim("job-3", CYCLE, "User", "anchor-2", twin, WorkedBy.SEVERAL_INSTANCES))
                .hasValueSatisfying(collision -> {
                    assertThat(collision.anchor()).isEqualTo("anchor-1");
                    assertThat(collision.attribute()).isEqualTo("userName");
                });
        assertThat(otherInstance.claim("job-3", CYCLE, "User", "anchor-3", List.of(value("externalId", "8")),
                WorkedBy.SEVERAL_INSTANCES)).as("the loser kept nothing").isEmpty();
        otherInstance.release("job-3", "User", "anchor-3", List.of(value("externalId", "8")),
                WorkedBy.SEVERAL_INSTANCES, false);
        assertThat(otherInstance.claim("job-3", CYCLE, "User", "anchor-2", twin, WorkedBy.THIS_INSTANCE))
                .as("claims of this instance alone do not look at the others'").isEmpty();
        otherInstance.release("job-3", "User", "anchor-2", twin, WorkedBy.THIS_INSTANCE, false);

        claims.release("job-3", "User", "anchor-1", first, WorkedBy.SEVERAL_INSTANCES, false);
        assertThat(otherInstance.claim("job-3", CYCLE, "User", "anchor-2", twin, WorkedBy.SEVERAL_INSTANCES)).isEmpty();
    }

    @Test
    void aLinkedObjectOfASpreadCycleKeepsItsClaimUntilTheCycleEnds() {
        List<MatchingValue> values = List.of(value("userName", "linus@example.org"));
        assertThat(claims.claim("job-5", CYCLE, "User", "anchor-1", values, WorkedBy.SEVERAL_INSTANCES)).isEmpty();
        claims.release("job-5", "User", "anchor-1", values, WorkedBy.SEVERAL_INSTANCES, true);

        assertThat(otherInstance.claim("job-5", CYCLE, "User", "anchor-2", values, WorkedBy.SEVERAL_INSTANCES))
                .as("its answers from the target may predate the creation").isPresent();
        claims.endCycle("job-5", CYCLE);
        assertThat(otherInstance.claim("job-5", "cycle-2", "User", "anchor-2", values, WorkedBy.SEVERAL_INSTANCES))
                .isEmpty();
    }

    @Test
    void aClaimLeftByAStoppedInstanceExpires() {
        List<MatchingValue> values = List.of(value("userName", "grace@example.org"));
        assertThat(claims.claim("job-4", CYCLE, "User", "anchor-1", values, WorkedBy.SEVERAL_INSTANCES)).isEmpty();

        MatchingClaims afterExpiry = new MatchingClaims(table, Duration.ZERO);
        assertThat(afterExpiry.claim("job-4", CYCLE, "User", "anchor-2", values, WorkedBy.SEVERAL_INSTANCES)).isEmpty();
    }

    private static MatchingValue value(String attribute, String text) {
        return new MatchingValue(attribute, 1, Value.text(text), null);
    }
}
