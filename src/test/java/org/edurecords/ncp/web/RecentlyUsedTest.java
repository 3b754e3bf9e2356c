package org.edurecords.ncp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RecentlyUsedTest {

    @Test
    void keepsAtMostItsCapacityAndDropsTheLeastRecentlyUsed() {
        Map<String, Integer> map = RecentlyUsed.map(3);
        map.put("a", 1);
        map.put("b", 2);
        map.put("c", 3);
        assertEquals(1, map.get("a")); // a is now the most recently used
        map.put("d", 4);
        assertEquals(List.of("c", "a", "d"), List.copyOf(map.keySet()));
        map.put("e", 5);
        assertEquals(List.of("a", "d", "e"), List.copyOf(map.keySet()));
    }

    @Test
    void refusesACapacityThatKeepsNothing() {
        assertThrows(IllegalArgumentException.class, () -> RecentlyUsed.map(0));
    }
}
