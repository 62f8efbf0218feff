package org.sigillum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PhaseResultsTest {

    @Test
    void percentilesAreNearestRank() {
        List<Double> hundred = IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList();
        assertEquals(50, PhaseResults.percentile(hundred, 50));
        assertEquals(99, PhaseResults.percentile(hundred, 99));
        assertEquals(1, PhaseResults.percentile(hundred, 0));
        assertEquals(3, PhaseResults.percentile(List.of(1.0, 2.0, 3.0), 99));
        assertEquals(0, PhaseResults.percentile(List.of(), 99));
    }

    @Test
    void aSadThatSignsTwiceIsADoubleSpendAndRefusalsAreCountedByKind() {
        PhaseResults results = new PhaseResults("test", List.of("a"));
        results.resent("HTTP 400 invalid_request");
        results.resent("HTTP 400 invalid_request");
        results.resent(null);
        assertEquals(3, results.resends());
        assertEquals(2, results.resendsRefused());
        assertEquals(1, results.doubleSpends());
    }

    @Test
    void throughputCountsAnsweredCallsOnly() throws InterruptedException {
        PhaseResults results = new PhaseResults("test", List.of("a"));
        long now = System.nanoTime();
        results.succeeded("authorize", now, 5_000_000);
        results.succeeded("signHash.1", now, 7_000_000);
        results.failed("signHash.1", "HTTP 502 (not from the server)", now);
        Thread.sleep(100);
        results.ended();
        assertEquals(2, results.successes());
        assertEquals(1, results.failures());
        assertEquals(List.of(5.0, 7.0), results.allAnswerMillis());
        assertEquals(2 / results.seconds(), results.throughput(), 1e-9);
    }
}
