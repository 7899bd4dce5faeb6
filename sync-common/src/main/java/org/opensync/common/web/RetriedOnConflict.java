package org.opensync.common.web;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a method that begins its own transaction (and may only be run again as a whole): when the transaction loses a
 * race on a row ({@link DatabaseConflicts.Conflict#lostRace()}), for example an admin's pause against the status a
 * finishing cycle writes to the same job, the whole method runs again in a new transaction, a few times with a short
 * back-off, before the conflict reaches the client as a 409. See {@link ConflictRetryInterceptor}.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RetriedOnConflict {
}
