package org.opensync.sandbox.scim;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
  * Switchable behaviours of real third-party SCIM servers, which are stricter or sloppier than this one: tests of a
  * client switch them on against a running server to see how it copes. All off by default, and then the server
  * behaves as if they did not exist. Thread-safe; each request reads one {@link Settings} snapshot, so a change made
  * while it runs never applies to it by halves.
  */
public final class ServerQuirks {

    /**
      * One consistent set of quirks.
      *
      * @param managerOnlyComplex     the enterprise {@code manager} as a bare id is 400: only {@code {"value": id}}
      * @param badRequestForUnknownId an unknown Users/Groups id is 400 instead of 404
      * @param rejectAttributeWith500 a User write setting this top-level attribute (any case) is 500; null: off
      * @param ignorePaging           lists return every match in one page, whatever count and startIndex say
      * @param caseSensitiveUserName  userName filters and the uniqueness check respect case
      * @param noBulk                 no /Bulk: the ServiceProviderConfig says bulk.supported=false and POST /Bulk is 501
      */
    public record Settings(boolean managerOnlyComplex, boolean badRequestForUnknownId, String rejectAttributeWith500,
                                                  boolean ignorePaging, boolean caseSensitiveUserName, boolean noBulk) {

        public static final Settings NONE = new Settings(false, false, null, false, false, false);

        public Settings {
            rejectAttributeWith500 = rejectAttributeWith500 == null || rejectAttributeWith500.isBlank() ? null
                    : rejectAttributeWith500.trim();
        }

        /** The command-line form: {@code managerOnlyComplex,ignorePaging,rejectAttributeWith500=title}; "" is none. */
        public static Settings parse(String list) {
            return QuirksJson.parse(QuirksJson.fromList(list));
        }

        /** The command-line form of the quirks that are on, "" when none is. */
        public String describe() {
            return QuirksJson.toList(this);
        }

        public Settings withManagerOnlyComplex(boolean on) {
            return new Settings(on, badRequestForUnknownId, rejectAttributeWith500, ignorePaging,
                    caseSensitiveUserName, noBulk);
        }

        public Settings withBadRequestForUnknownId(boolean on) {
            return new Settings(managerOnlyComplex, on, rejectAttributeWith500, ignorePaging, caseSensitiveUserName,
                    noBulk);
        }

        public Settings withRejectAttributeWith500(String attribute) {
            return new Settings(managerOnlyComplex, badRequestForUnknownId, attribute, ignorePaging,
                    caseSensitiveUserName, noBulk);
        }

        public Settings withIgnorePaging(boolean on) {
            return new Settings(managerOnlyComplex, badRequestForUnknownId, rejectAttributeWith500, on,
                    caseSensitiveUserName, noBulk);
        }

        public Settings withCaseSensitiveUserName(boolean on) {
            return new Settings(managerOnlyComplex, badRequestForUnknownId, rejectAttributeWith500, ignorePaging, on,
                    noBulk);
        }

        public Settings withNoBulk(boolean on) {
            return new Settings(managerOnlyComplex, badRequestForUnknownId, rejectAttributeWith500, ignorePaging,
                    caseSensitiveUserName, on);
        }
    }

    private final AtomicReference<Settings> current = new AtomicReference<>(Settings.NONE);

    public Settings settings() {
        return current.get();
    }

    /** Replaces all quirks at once. */
    public ServerQuirks set(Settings settings) {
        current.set(settings);
        return this;
    }

    public void clear() {
        set(Settings.NONE);
    }

    public ServerQuirks managerOnlyComplex(boolean on) {
        return update(settings -> settings.withManagerOnlyComplex(on));
    }

    public ServerQuirks badRequestForUnknownId(boolean on) {
        return update(settings -> settings.withBadRequestForUnknownId(on));
    }

    /** {@code attribute} is a top-level User attribute name, e.g. "title"; null turns the quirk off. */
    public ServerQuirks rejectAttributeWith500(String attribute) {
        return update(settings -> settings.withRejectAttributeWith500(attribute));
    }

    public ServerQuirks ignorePaging(boolean on) {
        return update(settings -> settings.withIgnorePaging(on));
    }

    public ServerQuirks caseSensitiveUserName(boolean on) {
        return update(settings -> settings.withCaseSensitiveUserName(on));
    }

    public ServerQuirks noBulk(boolean on) {
        return update(settings -> settings.withNoBulk(on));
    }

    private ServerQuirks update(UnaryOperator<Settings> change) {
        current.updateAndGet(change);
        return this;
    }
}
