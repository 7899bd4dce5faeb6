package org.opensync.jobapi.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opensync.common.web.GraphException;

class LogOrderTest {

    @Test
    void activityDateTimeInEitherDirectionNewestFirstByDefault() {
        assertThat(AuditLogResource.newestFirst(null)).isTrue();
        assertThat(AuditLogResource.newestFirst(" ")).isTrue();
        assertThat(AuditLogResource.newestFirst("activityDateTime desc")).isTrue();
        assertThat(AuditLogResource.newestFirst("ActivityDateTime DESC")).isTrue();
        assertThat(AuditLogResource.newestFirst("activityDateTime asc")).isFalse();
        assertThat(AuditLogResource.newestFirst("activityDateTime")).isFalse();
    }

    @Test
    void anyOtherOrderIsRefused() {
        for (String orderBy : new String[]{"jobId", "activityDateTime sideways", "activityDateTime desc, id"}) {
            assertThatThrownBy(() -> AuditLogResource.newestFirst(orderBy)).as(orderBy)
                    .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }
}
