package org.sigillum.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's heap high-water mark over a stretch of a test, from the JVM's memory pools as WildFly's management
 * model shows them: peaks reset at the start, summed at the end. The sum of the pools' peaks is an upper bound of
 * the heap's peak (the pools need not peak together). A measurement, never a reason to fail: if the management
 * model cannot be read, the report says so.
 */
final class HeapPeak {

    private static final String POOLS = "/core-service=platform-mbean/type=memory-pool";
    private static final Pattern POOL = Pattern.compile("\"name\" => \"([^\"]+)\"");
    private static final Pattern PEAK_USED = Pattern.compile("\"peak-usage\" => \\{[^}]*?\"used\" => (\\d+)L");
    private static final Pattern TYPE = Pattern.compile("\"type\" => \"(\\w+)\"");
    private static final Pattern HEAP_MAX = Pattern.compile("\"max\" => (\\d+)L");

    private final List<String> heapPools;

    private HeapPeak(List<String> heapPools) {
        this.heapPools = heapPools;
    }

    static HeapPeak start() {
        try {
            List<String> heap = new ArrayList<>(heapPeaks().keySet());
            List<String> resets = new ArrayList<>();
            heap.forEach(pool -> resets.add(POOLS + "/name=" + pool + ":reset-peak-usage"));
            if (!resets.isEmpty()) {
                ManagementCli.runAll(resets);
            }
            return new HeapPeak(heap);
        } catch (RuntimeException | AssertionError e) {
            return new HeapPeak(List.of());
        }
    }

    String report() {
        try {
            Map<String, Long> peaks = heapPeaks();
            long sum = heapPools.stream().mapToLong(pool -> peaks.getOrDefault(pool, 0L)).sum();
            Matcher max = HEAP_MAX.matcher(ManagementCli.runAll(List.of(
                    "/core-service=platform-mbean/type=memory:read-attribute(name=heap-memory-usage)")));
            return "heap peak <= " + sum / (1024 * 1024) + " MiB (sum of the peaks of " + heapPools + ")"
                    + (max.find() ? " of a " + Long.parseLong(max.group(1)) / (1024 * 1024) + " MiB maximum heap" : "");
        } catch (RuntimeException | AssertionError e) {
            return "heap peak unavailable: " + e.getMessage();
        }
    }

    /** Peak used bytes of each heap pool, by name. */
    private static Map<String, Long> heapPeaks() {
        String output = ManagementCli.runAll(List.of(POOLS + ":read-children-resources(child-type=name, include-runtime=true)"));
        Map<String, Long> peaks = new LinkedHashMap<>();
        Matcher pool = POOL.matcher(output);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (pool.find()) {
            names.add(pool.group(1));
            spans.add(new int[] {pool.start(), output.length()});
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : output.length();
            String block = output.substring(spans.get(i)[0], end);
            Matcher type = TYPE.matcher(block);
            Matcher peak = PEAK_USED.matcher(block);
            if (type.find() && "HEAP".equals(type.group(1)) && peak.find()) {
                peaks.put(names.get(i), Long.parseLong(peak.group(1)));
            }
        }
        return peaks;
    }
}
