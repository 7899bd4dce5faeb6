package org.opensync.connectors.ldap;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
  * What a change detector keeps: the last image of every entry per type. It applies reads exactly as the
  * {@link DeltaListener} and {@link DeltaResult} contracts tell callers to, and reports what really changed.
  */
final class Replica {

    /** The effect of one delta read on the replica: anchors by type. */
    record Effect(Map<String, Set<String>> changed, Map<String, Set<String>> deleted) {
        Set<String> changed(String type) {
            return changed.getOrDefault(type, Set.of());
        }

        Set<String> deleted(String type) {
            return deleted.getOrDefault(type, Set.of());
        }
    }

    private final Map<String, Map<String, SourceEntry>> images = new HashMap<>();

    Watermark fullRead(LdapSource source) {
        images.clear();
        return source.fullRead(TestTypes.BOTH, this::store);
    }

    Map<String, SourceEntry> images(String type) {
        return images.getOrDefault(type, Map.of());
    }

    /** The result, and what changed according to the caller's rules (unchanged images and unknown deletes dropped). */
    Map.Entry<DeltaResult, Effect> deltaRead(LdapSource source, Watermark since) {
        Map<String, Set<String>> changed = new LinkedHashMap<>();
        Map<String, Set<String>> deleted = new LinkedHashMap<>();
        Map<String, Set<String>> seen = new HashMap<>();
        DeltaResult result = source.deltaRead(TestTypes.BOTH, since, new DeltaListener() {
            @Override
            public void changed(SourceEntry entry) {
                seen.computeIfAbsent(entry.type(), t -> new HashSet<>()).add(entry.anchor());
                if (!entry.equals(images(entry.type()).get(entry.anchor()))) {
                    changed.computeIfAbsent(entry.type(), t -> new HashSet<>()).add(entry.anchor());
                }
                store(entry);
            }

            @Override
            public void deleted(String type, String anchor) {
                if (images.getOrDefault(type, new HashMap<>()).remove(anchor) != null) {
                    deleted.computeIfAbsent(type, t -> new HashSet<>()).add(anchor);
                }
            }

            @Override
            public void present(String type, String anchor) {
                seen.computeIfAbsent(type, t -> new HashSet<>()).add(anchor);
            }
        });
        for (String type : result.presentPhaseTypes()) {
            Set<String> gone = new HashSet<>(images(type).keySet());
            gone.removeAll(seen.getOrDefault(type, Set.of()));
            gone.forEach(images.get(type)::remove);
            if (!gone.isEmpty()) {
                deleted.computeIfAbsent(type, t -> new HashSet<>()).addAll(gone);
            }
        }
        return Map.entry(result, new Effect(changed, deleted));
    }

    private void store(SourceEntry entry) {
        images.computeIfAbsent(entry.type(), t -> new HashMap<>()).put(entry.anchor(), entry);
    }
}
