package org.edurecords.ncp.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The response times of each named step that succeeded, in milliseconds, for percentiles at the end of the run. */
final class StepTimes {

    private final Map<String, List<Integer>> times = new LinkedHashMap<>();

    synchronized void record(String step, int millis) {
        times.computeIfAbsent(step, s -> new ArrayList<>()).add(millis);
    }

    /** The steps whose name starts with the prefix and a space, in the order first seen. */
    synchronized List<String> steps(String prefix) {
        return times.keySet().stream().filter(step -> step.startsWith(prefix + " ")).toList();
    }

    synchronized int count(String step) {
        return times.getOrDefault(step, List.of()).size();
    }

    /** The nearest-rank percentile (0 < q ≤ 1) of one step, or of every step of a prefix when the step is a prefix. */
    synchronized int percentile(String step, double q) {
        List<Integer> values = new ArrayList<>(times.getOrDefault(step, List.of()));
        return nearestRank(values, q);
    }

    synchronized int percentileOfAll(String prefix, double q) {
        List<Integer> values = new ArrayList<>();
        for (String step : steps(prefix)) {
            values.addAll(times.get(step));
        }
        return nearestRank(values, q);
    }

    private static int nearestRank(List<Integer> values, double q) {
        if (values.isEmpty()) {
            return -1;
        }
        values.sort(null);
        int rank = (int) Math.ceil(q * values.size());
        return values.get(Math.max(0, rank - 1));
    }
}
