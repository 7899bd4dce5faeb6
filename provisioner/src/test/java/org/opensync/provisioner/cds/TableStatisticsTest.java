package org.opensync.provisioner.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensync.common.stats.TableStatistics;
import org.opensync.testing.InfraEndpoints;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The connector data store's table is analyzed as an initial cycle fills it, each time it doubled, so that the planner
 * keeps looking anchors up by index (see {@link TableStatistics}).
 */
class TableStatisticsTest {
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void database() throws SQLException {
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(InfraEndpoints.freshDatabase("provisioner_table_statistics"));
        dataSource.setUser(InfraEndpoints.postgresUser());
        dataSource.setPassword(InfraEndpoints.postgresPassword());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table growing (id int primary key)");
            statement.execute("alter table growing set (autovacuum_enabled = false)");
        }
    }

    @Test
    void aTableIsAnalyzedOnceItsRowsDoubledSinceItsLastAnalysis() throws Exception {
        TableStatistics statistics = new TableStatistics(dataSource);
        insert(1, 999);
        statistics.written("growing", 999);
        assertThat(statistics.analyzing("growing")).as("fewer rows than the least that counts").isFalse();
        assertThat(statistics.rowsAtAnalysis("growing")).isZero();

        insert(1000, 1500);
        statistics.written("growing", 501);
        awaitAnalysis(statistics, 1500);

        insert(1501, 2999);
        statistics.written("growing", 1499);
        assertThat(statistics.analyzing("growing")).as("not doubled yet").isFalse();
        assertThat(statistics.rowsAtAnalysis("growing")).isEqualTo(1500);

        insert(3000, 3000);
        statistics.written("growing", 1);
        awaitAnalysis(statistics, 3000);
    }

    @Test
    void onlyATableNameIsTaken() {
        TableStatistics statistics = new TableStatistics(dataSource);
        assertThatThrownBy(() -> statistics.written("growing; drop table growing", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitAnalysis(TableStatistics statistics, long rows) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> !statistics.analyzing("growing") && statistics.rowsAtAnalysis("growing") == rows);
    }

    private static void insert(int from, int to) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("insert into growing select generate_series(" + from + ", " + to + ")");
        }
    }
}
