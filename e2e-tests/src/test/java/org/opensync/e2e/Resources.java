package org.opensync.e2e;

/** What an integration test started, stopped in the order given (services before the servers they use). */
final class Resources {
    private Resources() {
    }

    /** Closes each resource that was started (null: never started); a failure does not keep the others open. */
    static void closeAll(AutoCloseable... resources) throws Exception {
        Exception first = null;
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
