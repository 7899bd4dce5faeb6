package org.opensync.common.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

class LogContextTest {

    @Test
    void aRecordsJobIsItsKeyUpToTheAnchorAndNestedJobsRestoreTheOuterOne() {
        try (LogContext record = LogContext.jobOfKey("scim.sp.job:entryuuid-1")) {
            assertThat(MDC.get(LogContext.JOB_ID)).isEqualTo("scim.sp.job");
            try (LogContext cycle = LogContext.job("other.job")) {
                assertThat(MDC.get(LogContext.JOB_ID)).isEqualTo("other.job");
            }
            assertThat(MDC.get(LogContext.JOB_ID)).isEqualTo("scim.sp.job");
        }
        assertThat(MDC.get(LogContext.JOB_ID)).isNull();
    }
}
