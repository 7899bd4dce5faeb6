package org.opensync.connectors.ldap;

/**
  * Receives a delta read as it streams. Calls come from the reading thread, one at a time.
  * <p>
  * Deletions are reported per type, and a directory may report more than it should: OpenLDAP's session log lists
  * entries that merely stopped matching the search, or that were never in it (a modified group in a people search).
  * <b>Ignoring anchors that are not known for that type is the caller's job.</b>
  */
public interface DeltaListener {

    /** An added or modified entry, with every requested attribute (not only the changed ones). */
    void changed(SourceEntry entry);

    /** An entry that was deleted, or no longer matches the type's filter or base. */
    void deleted(String type, String anchor);

    /**
      * An unchanged entry that still exists; only sent when {@link DeltaResult#presentPhase(String)} is true for the
      * type, in which case every known anchor reported neither as changed nor as present is gone.
      */
    void present(String type, String anchor);
}
