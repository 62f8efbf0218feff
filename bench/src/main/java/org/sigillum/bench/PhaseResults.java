package org.sigillum.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one phase of bench cluster observed, from many flow threads at once: answer times of successful calls per
 * operation, failed calls by operation and kind, signatures returned to (and in doubt for) each signer, the
 * outcome of every SAD sent a second time, and a timeline of successes and failures in 10-second steps. The phase
 * starts when this object is made.
 */
final class PhaseResults {

    private static final long STEP_NANOS = 10_000_000_000L;

    private final String name;
    private final List<String> userIds;
    private final long startNanos = System.nanoTime();
    private volatile long endNanos;
    private final Map<String, List<Long>> answerNanos = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> failures = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> returnedSignatures = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> inDoubtSignatures = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> resendRefusals = new ConcurrentSkipListMap<>();
    private final LongAdder resends = new LongAdder();
    private final LongAdder doubleSpends = new LongAdder();
    private final Map<Long, LongAdder[]> timeline = new ConcurrentSkipListMap<>();

    /** Results of phase {@code name}, whose flows sign for these users only. */
    PhaseResults(String name, List<String> userIds) {
        this.name = name;
        this.userIds = List.copyOf(userIds);
    }

    String name() {
        return name;
    }

    List<String> userIds() {
        return userIds;
    }

    void succeeded(String operation, long dueNanos, long answerNanos) {
        this.answerNanos.computeIfAbsent(operation, o -> Collections.synchronizedList(new ArrayList<>())).add(answerNanos);
        step(dueNanos)[0].increment();
    }

    void failed(String operation, String kind, long dueNanos) {
        failures.computeIfAbsent(operation + " " + kind, k -> new LongAdder()).increment();
        step(dueNanos)[1].increment();
    }

    void signaturesReturned(String userId, int count) {
        returnedSignatures.computeIfAbsent(userId, u -> new LongAdder()).add(count);
    }

    /** Signatures asked for by a call whose answer never came back: the server may or may not have made them. */
    void signaturesInDoubt(String userId, int count) {
        inDoubtSignatures.computeIfAbsent(userId, u -> new LongAdder()).add(count);
    }

    /** A SAD sent again after (or at the same moment as) the call that spent it; {@code refusal} null if it signed. */
    void resent(String refusal) {
        resends.increment();
        if (refusal == null) {
            doubleSpends.increment();
        } else {
            resendRefusals.computeIfAbsent(refusal, r -> new LongAdder()).increment();
        }
    }

    void ended() {
        endNanos = System.nanoTime();
    }

    double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    long successes() {
        return answerNanos.values().stream().mapToLong(List::size).sum();
    }

    long failures() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    double throughput() {
        return successes() / seconds();
    }

    long resends() {
        return resends.sum();
    }

    long doubleSpends() {
        return doubleSpends.sum();
    }

    long resendsRefused() {
        return resendRefusals.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> returnedSignatures() {
        return sums(returnedSignatures);
    }

    Map<String, Long> inDoubtSignatures() {
        return sums(inDoubtSignatures);
    }

    /** All successful calls' answer times, in milliseconds, sorted. */
    List<Double> allAnswerMillis() {
        List<Double> all = new ArrayList<>();
        answerNanos.keySet().forEach(operation -> all.addAll(answerMillis(operation)));
        Collections.sort(all);
        return all;
    }

    private List<Double> answerMillis(String operation) {
        List<Long> nanos = answerNanos.get(operation);
        synchronized (nanos) {
            return nanos.stream().map(n -> n / 1e6).sorted().toList();
        }
    }

    /** The nearest-rank percentile of sorted values (0 when there are none). */
    static double percentile(List<Double> sorted, double percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** The phase's figures as comment lines for the reader of the run's output. */
    void print() {
        System.out.printf(Locale.ROOT, "# %s: %.1f s, %d calls answered, %d failed, %.2f calls/s%n", name, seconds(),
                successes(), failures(), throughput());
        for (String operation : answerNanos.keySet()) {
            List<Double> millis = answerMillis(operation);
            System.out.printf(Locale.ROOT, "#   %-18s n=%-6d p50=%7.1f ms  p95=%7.1f ms  p99=%7.1f ms%n", operation,
                    millis.size(), percentile(millis, 50), percentile(millis, 95), percentile(millis, 99));
        }
        failures.forEach((kind, count) -> System.out.printf(Locale.ROOT, "#   failed: %s ×%d%n", kind, count.sum()));
        System.out.printf(Locale.ROOT, "#   SADs sent again: %d, refused %d, signed again %d%n", resends(),
                resendsRefused(), doubleSpends());
        resendRefusals.forEach((kind, count) -> System.out.printf(Locale.ROOT, "#     refused as %s ×%d%n", kind,
                count.sum()));
        timeline.forEach((step, counts) -> System.out.printf(Locale.ROOT, "#   %4d–%4d s: %5d answered, %4d failed%n",
                step * 10, step * 10 + 10, counts[0].sum(), counts[1].sum()));
    }

    private LongAdder[] step(long dueNanos) {
        return timeline.computeIfAbsent(Math.max(0, dueNanos - startNanos) / STEP_NANOS,
                s -> new LongAdder[] {new LongAdder(), new LongAdder()});
    }

    private static Map<String, Long> sums(Map<String, LongAdder> adders) {
        Map<String, Long> sums = new ConcurrentSkipListMap<>();
        adders.forEach((key, adder) -> sums.put(key, adder.sum()));
        return sums;
    }
}
