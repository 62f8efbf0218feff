package org.sigillum.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A signing load for the fault tests: workers, each a signer with an EC credential of its own, repeat authorize then
 * signHash against one URL (the balancer) until stopped, and keep every call with its time window and answer. A
 * worker's calls are sequential, so the audit record of one of its signHash calls carries its credential and a
 * time inside that call's window and inside no other call's: the audit log can be matched call by call with what
 * the clients saw.
 */
final class SigningLoad {

    enum Kind { AUTHORIZE, SIGN }

    /**
     * One call as the client saw it: the answer, or {@code failure} when none came (connection refused, timeout);
     * {@code verified} when a signHash answer's signature verifies under the credential's key.
     */
    record Call(Kind kind, String credentialId, Instant start, Instant end, Sigillum.Reply reply, String failure,
                boolean verified) {

        boolean succeeded() {
            return reply != null && reply.status() == 200;
        }

        /** Whether a server-side time (milliseconds, as the audit log keeps it) falls in this call's window. */
        boolean spans(Instant serverTime) {
            return !serverTime.isBefore(start.truncatedTo(ChronoUnit.MILLIS)) && !serverTime.isAfter(end);
        }

        Duration duration() {
            return Duration.between(start, end);
        }

        String describe() {
            return kind + " " + credentialId + " " + start + ".." + end + " "
                    + (reply == null ? "no answer: " + failure : reply.status() + " " + reply.body());
        }
    }

    /** Pause after a failed authorization, so that workers do not spin while the service is down. */
    private static final long BACKOFF_MILLIS = 200;

    private final String url;
    private final String signAlgo;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Call> calls = new ArrayList<>();
    private final ExecutorService executor;
    private final List<Future<?>> workers = new ArrayList<>();

    private SigningLoad(String url, String signAlgo, int workers) {
        this.url = url;
        this.signAlgo = signAlgo;
        this.executor = Executors.newFixedThreadPool(workers);
    }

    /** Signers and credentials are made first (through SIGILLUM_IT_URL); then the workers start against {@code url}. */
    static SigningLoad start(String url, String signAlgo, int workers) {
        SigningLoad load = new SigningLoad(url, signAlgo, workers);
        for (int i = 0; i < workers; i++) {
            CscClient signer = CscClient.newSigner();
            JsonNode credential = signer.newCredential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}");
            load.workers.add(load.executor.submit(() -> {
                load.run(signer, credential);
                return null;
            }));
        }
        return load;
    }

    /** Every call so far, in no particular order across workers. */
    private List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Stops the workers after their current call and returns every call they made. */
    List<Call> stop() throws Exception {
        stopped.set(true);
        try {
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
        } finally {
            executor.shutdownNow();
        }
        return calls();
    }

    private void run(CscClient signer, JsonNode credential) throws GeneralSecurityException, InterruptedException {
        String id = credential.get("credentialID").asText();
        PublicKey key = Signatures.publicKey(credential.get("publicKey").asText());
        while (!stopped.get()) {
            byte[] data = Signatures.randomData();
            List<byte[]> hashes = List.of(Signatures.sha256(data));
            Call authorize = call(Kind.AUTHORIZE, id, () -> signer.authorizeAt(url, id, hashes, CscClient.SHA256));
            keep(authorize);
            if (!authorize.succeeded()) {
                Thread.sleep(BACKOFF_MILLIS);
                continue;
            }
            String sad = authorize.reply().json().get("SAD").asText();
            Call sign = call(Kind.SIGN, id, () -> signer.signHashAt(url, id, sad, hashes, CscClient.SHA256, signAlgo));
            if (sign.succeeded()) {
                String signature = sign.reply().json().get("signatures").get(0).asText();
                sign = new Call(sign.kind(), id, sign.start(), sign.end(), sign.reply(), null,
                        Signatures.verify(key, signAlgo, data, signature));
            }
            keep(sign);
        }
    }

    private void keep(Call call) {
        synchronized (calls) {
            calls.add(call);
        }
    }

    private static Call call(Kind kind, String credentialId, Supplier<Sigillum.Reply> request) {
        Instant start = Instant.now();
        try {
            Sigillum.Reply reply = request.get();
            return new Call(kind, credentialId, start, Instant.now(), reply, null, false);
        } catch (IllegalStateException e) {
            return new Call(kind, credentialId, start, Instant.now(), null, String.valueOf(e.getCause()), false);
        }
    }
}
