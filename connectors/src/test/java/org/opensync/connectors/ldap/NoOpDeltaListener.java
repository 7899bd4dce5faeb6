package org.opensync.connectors.ldap;

/** Ignores everything; tests override what they watch. */
class NoOpDeltaListener implements DeltaListener {

    @Override
    public void changed(SourceEntry entry) {
    }

    @Override
    public void deleted(String type, String anchor) {
    }

    @Override
    public void present(String type, String anchor) {
    }
}
