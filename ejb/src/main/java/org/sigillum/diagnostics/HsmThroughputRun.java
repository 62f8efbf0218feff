package org.sigillum.diagnostics;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.sigillum.hsm.DigestAlgorithm;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.KeyAlgorithm;
import org.sigillum.hsm.KeyCachePolicy;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.hsm.WrappedKey;

/**
 * N threads, each taking a pooled session per signature the way a signing request does, for a fixed time.
 * Measures the adapter path itself: pool checkout, binding check, unwrap, sign, destroy, checkin.
 */
final class HsmThroughputRun {

    record Outcome(long signatures, long failures, double seconds) {
    }

    private final HsmConnectionFactory hsm;
    private final WrappedKey key;
    private final KeyCachePolicy policy;
    private final SignatureScheme scheme;

    HsmThroughputRun(HsmConnectionFactory hsm, WrappedKey key, KeyCachePolicy policy) {
        this.hsm = hsm;
        this.key = key;
        this.policy = policy;
        this.scheme = key.spec().algorithm() == KeyAlgorithm.RSA
                ? new SignatureScheme.RsaPkcs1(DigestAlgorithm.SHA256) : new SignatureScheme.Ecdsa(DigestAlgorithm.SHA256);
    }

    Outcome run(ExecutorService executor, int threads, Duration duration) {
        LongAdder signatures = new LongAdder();
        LongAdder failures = new LongAdder();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(executor.submit(() -> loop(deadline, signatures, failures)));
        }
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                failures.increment();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(signatures.sum(), failures.sum(), seconds);
    }

    private void loop(long deadline, LongAdder signatures, LongAdder failures) {
        byte[] digest = new byte[DigestAlgorithm.SHA256.length()];
        new SecureRandom().nextBytes(digest);
        List<byte[]> digests = List.of(digest);
        while (System.nanoTime() < deadline) {
            try (HsmConnection connection = hsm.getConnection()) {
                connection.signWithServiceKey(key, scheme, digests, policy);
                signatures.increment();
            } catch (HsmException e) {
                failures.increment();
            }
        }
    }
}
