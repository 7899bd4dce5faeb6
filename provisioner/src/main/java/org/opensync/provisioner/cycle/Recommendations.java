package org.opensync.provisioner.cycle;

import org.opensync.provisioner.engine.Outcome;

/**
 * The recommended action of a provisioning-log record: what the admin can do, by the kind of failure and the
 * target's error code. A temporary target problem must not send anyone to fix source data, and a refused value must
 * not be presented as "retrying".
 */
final class Recommendations {
    private Recommendations() {
    }

    static String forFailure(Outcome outcome) {
        String code = outcome.errorCode() == null ? "" : outcome.errorCode();
        return switch (outcome.failureClass()) {
            case TARGET -> code.equals("Unauthorized") || code.equals("InsufficientRights")
                    ? "The application refused the job's credentials: check the SecretToken secret and the rights "
                    + "of the account it belongs to. The object is retried automatically."
                    : code.equals("EgressDenied")
                    ? "The platform's egress policy refuses the address BaseAddress resolves to: point BaseAddress at "
                    + "the application, or have the operator adjust sync.egress. The object is retried automatically."
                    : "The application could not be reached: check that the BaseAddress secret is right and that the "
                    + "application is up. The object is retried automatically.";
            case TRANSIENT -> "No action needed: the application failed temporarily and the object is retried "
                    + "automatically. If the failure persists, check the application's health.";
            case GIVEN_UP -> "The object failed at every retry and is no longer retried: fix the cause shown in the "
                    + "details, then change the object in the source or restart the job with resetScope Escrows.";
            case MAPPING -> "Fix the attribute mapping's expression or the source value it reads; the object is "
                    + "retried in a later cycle.";
            case PERMANENT -> permanent(outcome, code);
            case DUPLICATE_SOURCE -> "Two source objects have the same matching value (see the reason): change or "
                    + "remove one of them in the source, or fix the matching attributes. This object is retried "
                    + "automatically and exported once it no longer collides.";
        };
    }

    static String forUnresolvedReferences() {
        return "Provision the referenced objects (bring them into scope or fix their errors); the reference is set "
                + "when this object changes or at the next restart.";
    }

    private static String permanent(Outcome outcome, String code) {
        if (outcome.failedAttribute() != null) {
            return "The application refuses the value of " + outcome.failedAttribute() + ". Fix the value in the "
                    + "source, change or remove the attribute mapping, or set the compatibility flag the application "
                    + "needs in the BaseAddress secret (e.g. opensyncManager=complex for the manager).";
        }
        return switch (code) {
            case "EntryConflict" -> "An object with the same unique value already exists in the application: fix "
                    + "the matching attributes so that it is matched, or remove the duplicate in the application.";
            case "InternalServerError", "NotImplemented" -> "The application fails on this object every time with "
                    + "the same error: check the application's logs or ask its vendor. The object is retried when "
                    + "it changes in the source or at a restart.";
            default -> "The application refuses this object (see the web response in the details): fix the value "
                    + "in the source or the attribute mapping. The object is retried when it changes in the source "
                    + "or at a restart.";
        };
    }
}
