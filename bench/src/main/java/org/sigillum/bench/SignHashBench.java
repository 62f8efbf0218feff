package org.sigillum.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bin/sigillum bench signhash. End-to-end signHash over HTTP (service token and SADs prepared beforehand, each
 * call consuming one SAD authorized for its hashes), 1 and 10 hashes per call, 2 client threads, with the
 * credential's unwrapped-key cache off and on, against (a) raw resident-key signing on the same token and
 * (b) the adapter's own unwrap-sign-destroy rate, both measured in the same run. Also authorize+signHash
 * round trips per second on the cached credential, and their ratio to batch-1 cached signHash calls alone
 * ({@code roundtrip.ratio}: what authorization adds to a signature, the PIN check above all), and the server's
 * CPU time per call in both phases.
 */
public final class SignHashBench {

    private static final int THREADS = 2;
    private static final int CALLS = 240;
    private static final int WARM_UP_CALLS = 240;

    private final BenchServer server;
    private final RawPkcs11Loop raw;
    private final BenchSigner signer;
    private final ServerCpu serverCpu = ServerCpu.fromEnvironment();

    private SignHashBench() throws Exception {
        this.server = new BenchServer();
        this.raw = RawPkcs11Loop.fromEnvironment();
        this.signer = BenchSigner.create(server);
    }

    public static void main(String[] args) throws Exception {
        new SignHashBench().run(args.length > 0 ? Integer.parseInt(args[0]) : 3);
    }

    private void run(int seconds) throws Exception {
        Map<String, Double> results = new LinkedHashMap<>();
        for (RawPkcs11Loop.KeyType key : RawPkcs11Loop.KeyType.values()) {
            String signAlgo = key == RawPkcs11Loop.KeyType.RSA2048 ? BenchSigner.RSA_SHA256 : BenchSigner.ECDSA_SHA256;
            String uncached = credential(key, 0);
            String cached = credential(key, 600);
            // warm-up long enough for the server's JIT to settle on every path measured below
            signHashRate(cached, signAlgo, 1, WARM_UP_CALLS);
            signHashRate(uncached, signAlgo, 10, WARM_UP_CALLS);
            double resident = raw.residentSigning(key, THREADS, Duration.ofSeconds(seconds));
            double adapter = server.adapterRate(key, THREADS, seconds, false);
            for (int batch : new int[] {1, 10}) {
                double off = signHashRate(uncached, signAlgo, batch, CALLS).perSecond();
                Phase cachedPhase = signHashRate(cached, signAlgo, batch, CALLS);
                double on = cachedPhase.perSecond();
                String prefix = "signhash." + key.id() + ".batch" + batch;
                results.put(prefix + ".uncached.per_second", off);
                results.put(prefix + ".cached.per_second", on);
                results.put(prefix + ".cached.ratio", on / resident);
                results.put(prefix + ".uncached.ratio", off / adapter);
                if (batch == 1) {
                    results.put(prefix + ".server_cpu_us", cachedPhase.serverCpuMicrosPerCall());
                }
                System.out.printf(Locale.ROOT, "# %s batch=%d signHash uncached=%.0f sig/s cached=%.0f sig/s"
                        + " (raw resident %.0f/s, adapter unwrap %.0f/s)%n", key.id(), batch, off, on, resident, adapter);
            }
            results.put("signhash." + key.id() + ".raw.resident.per_second", resident);
            results.put("signhash." + key.id() + ".adapter.per_second", adapter);
            // the same key as the batch-1 cached phase, so the ratio isolates what authorization costs
            Phase roundTrips = roundTrips(cached, signAlgo, CALLS / 2);
            double signHashAlone = results.get("signhash." + key.id() + ".batch1.cached.per_second");
            results.put("signhash." + key.id() + ".roundtrips.per_second", roundTrips.perSecond());
            results.put("signhash." + key.id() + ".roundtrip.ratio", roundTrips.perSecond() / signHashAlone);
            results.put("signhash." + key.id() + ".roundtrip.server_cpu_us", roundTrips.serverCpuMicrosPerCall());
            System.out.printf(Locale.ROOT, "# %s authorize+signHash %.0f round trips/s, signHash alone %.0f calls/s%n",
                    key.id(), roundTrips.perSecond(), signHashAlone);
        }
        ResultLines.print(results);
    }

    private String credential(RawPkcs11Loop.KeyType key, int keyCacheSeconds) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(key.request());
        body.put("keyCacheSeconds", keyCacheSeconds);
        return signer.credential(body);
    }

    /** A measured phase: its rate, and the server's CPU time per call over it (NaN when unknown). */
    private record Phase(double perSecond, double serverCpuMicrosPerCall) {
    }

    /** Signatures per second of signHash calls alone, the SADs having been authorized beforehand. */
    private Phase signHashRate(String credential, String signAlgo, int batch, int calls) throws Exception {
        List<Authorized> prepared = parallel(calls, i -> authorize(credential, batch));
        AtomicInteger next = new AtomicInteger();
        return timed(calls, batch, () -> parallel(calls, i -> {
            signHash(credential, signAlgo, prepared.get(next.getAndIncrement()));
            return null;
        }));
    }

    /** Complete authorize-then-sign round trips per second (one hash each). */
    private Phase roundTrips(String credential, String signAlgo, int calls) throws Exception {
        return timed(calls, 1, () -> parallel(calls, i -> {
            signHash(credential, signAlgo, authorize(credential, 1));
            return null;
        }));
    }

    private interface Work {
        void run() throws Exception;
    }

    private Phase timed(int calls, int perCall, Work work) throws Exception {
        double cpuBefore = serverCpu.seconds();
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = serverCpu.seconds() - cpuBefore;
        return new Phase(calls * perCall / seconds, cpu * 1e6 / calls);
    }

    private record Authorized(String sad, List<String> hashes) {
    }

    private Authorized authorize(String credential, int batch) throws Exception {
        List<String> hashes = BenchSigner.randomHashes(batch);
        return new Authorized(signer.authorize(credential, hashes), hashes);
    }

    private void signHash(String credential, String signAlgo, Authorized authorized) throws Exception {
        signer.signHash(credential, signAlgo, authorized.sad(), authorized.hashes());
    }

    private static <T> List<T> parallel(int count, Parallel.Task<T> task) throws Exception {
        return Parallel.run(THREADS, count, task);
    }
}
