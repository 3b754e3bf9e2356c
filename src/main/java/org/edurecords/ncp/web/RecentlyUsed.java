package org.edurecords.ncp.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map of at most a given number of entries that drops the least recently used one when full, safe for
 * concurrent callers: for what an instance keeps in memory per flow, session or document (parsed snapshots,
 * a selection's results, the demo client's transcripts), which must not grow with the traffic.
 */
public final class RecentlyUsed {

    private RecentlyUsed() {
    }

    public static <K, V> Map<K, V> map(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }
}
