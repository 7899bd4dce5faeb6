package org.opensync.common.web;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.jboss.logging.Logger;

/**
 * Runs a {@link RetriedOnConflict} method again when its transaction lost a race. Its priority places it outside
 * {@code @Transactional} (which has {@code PLATFORM_BEFORE + 200}), so every attempt is a new transaction that reads
 * the row afresh.
 */
@RetriedOnConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ConflictRetryInterceptor {
    private static final Logger LOG = Logger.getLogger(ConflictRetryInterceptor.class);

    /** Attempts in all; the back-off doubles from {@link #FIRST_BACK_OFF_MILLIS}, so at most ~150 ms are spent waiting. */
    static final int ATTEMPTS = 4;
    static final long FIRST_BACK_OFF_MILLIS = 20;

    @AroundInvoke
    Object retry(InvocationContext invocation) throws Exception {
        long backOff = FIRST_BACK_OFF_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                return invocation.proceed();
            } catch (Exception e) {
                boolean lostRace = DatabaseConflicts.of(e).map(DatabaseConflicts.Conflict::lostRace).orElse(false);
                if (!lostRace || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debugf("%s lost a race on a row (attempt %d of %d); running it again",
                        invocation.getMethod().getName(), attempt, ATTEMPTS);
                Thread.sleep(backOff);
                backOff *= 2;
            }
        }
    }
}
