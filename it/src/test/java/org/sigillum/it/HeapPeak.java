package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much the server's old generation grew over a stretch of a test, from the JVM's memory pools as WildFly's
 * management model shows them: the peaks are reset at the start and read at the end. The old generation is the
 * measure because G1 allocates every large array (more than half a region, a MiB or two) there directly: a server
 * that held a document, or an inflated stream, in memory grows it by at least that size, while short-lived request
 * garbage stays in the young generation. A test that claims a memory bound asserts it; a management model that
 * cannot be read fails the test rather than making the bound unchecked.
 */
final class HeapPeak {

    private static final String POOLS = "/core-service=platform-mbean/type=memory-pool";
    private static final Pattern POOL = Pattern.compile("\"name\" => \"([^\"]+)\"");
    private static final Pattern PEAK_USED = Pattern.compile("\"peak-usage\" => \\{[^}]*?\"used\" => (\\d+)L");
    private static final Pattern USED = Pattern.compile("\"usage\" => \\{[^}]*?\"used\" => (\\d+)L");
    private static final Pattern TYPE = Pattern.compile("\"type\" => \"(\\w+)\"");
    private static final long MIB = 1024 * 1024;

    private final String oldPool;
    private final long usedAtStart;

    private HeapPeak(String oldPool, long usedAtStart) {
        this.oldPool = oldPool;
        this.usedAtStart = usedAtStart;
    }

    /** Resets the old generation's peak and notes its use now. */
    static HeapPeak start() {
        // G1_Old_Gen (G1), Tenured_Gen (Serial), PS_Old_Gen (Parallel): resource names have underscores for spaces
        String pool = heapPools().keySet().stream().filter(name -> name.contains("Old_Gen") || name.contains("Tenured"))
                .findFirst().orElseThrow(() -> new AssertionError("no old generation among " + heapPools().keySet()));
        String resetAndRead = ManagementCli.runAll(List.of(POOLS + "/name=" + pool + ":reset-peak-usage",
                POOLS + "/name=" + pool + ":read-resource(include-runtime=true)"));
        Matcher used = USED.matcher(resetAndRead);
        if (!used.find()) {
            throw new AssertionError("no usage of " + pool + " in " + resetAndRead);
        }
        return new HeapPeak(pool, Long.parseLong(used.group(1)));
    }

    /** Bytes by which the old generation's peak exceeded its use at the start. */
    long growth() {
        Pool pool = heapPools().get(oldPool);
        if (pool == null) {
            throw new AssertionError("the memory pool " + oldPool + " is gone");
        }
        return Math.max(0, pool.peakUsed() - usedAtStart);
    }

    /** Fails unless the old generation grew by less than {@code bound} bytes; returns the report line. */
    String assertGrowthBelow(long bound, String what) {
        long growth = growth();
        String report = oldPool + " grew by " + growth / MIB + " MiB (bound " + bound / MIB + " MiB) " + what;
        assertTrue(growth < bound, report);
        return report;
    }

    private record Pool(String type, long peakUsed) {
    }

    /** The heap pools by name, with their peak use. */
    private static Map<String, Pool> heapPools() {
        String output = ManagementCli.runAll(List.of(POOLS + ":read-children-resources(child-type=name, include-runtime=true)"));
        Map<String, Pool> pools = new LinkedHashMap<>();
        Matcher pool = POOL.matcher(output);
        int start = -1;
        String name = null;
        while (true) {
            boolean found = pool.find();
            if (name != null) {
                String block = output.substring(start, found ? pool.start() : output.length());
                Matcher type = TYPE.matcher(block);
                Matcher peak = PEAK_USED.matcher(block);
                if (type.find() && "HEAP".equals(type.group(1)) && peak.find()) {
                    pools.put(name, new Pool(type.group(1), Long.parseLong(peak.group(1))));
                }
            }
            if (!found) {
                return pools;
            }
            name = pool.group(1);
            start = pool.start();
        }
    }
}
