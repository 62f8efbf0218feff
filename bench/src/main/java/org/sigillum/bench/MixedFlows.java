package org.sigillum.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The mixed load of bench cluster, as client applications make it for their users: authorize then signHash with 1
 * or 10 hashes, authorize then signDoc of a small PDF (PAdES B-B), and credentials/list; every third single-hash
 * flow sends its SAD a second time, after the signature (a replay) or at the same moment through the balancer
 * (a race between nodes), and the second call must be refused. Flows go to a few signers in turn, each with an
 * RSA-2048 credential whose unwrapped key is cached, created for this mix only, so that the audit records of
 * exactly these signers are the ones to reconcile with what the flows were given.
 */
final class MixedFlows implements AutoCloseable {

    private enum Kind { SIGN_ONE, SIGN_ONE_REPLAY, SIGN_ONE_RACE, SIGN_TEN, SIGN_DOC, LIST }

    /** One cycle of the mix, 20 flows: 8 single-hash, 4 ten-hash, 3 signDoc, 5 listings. */
    private static final List<Kind> MIX = List.of(
            Kind.SIGN_ONE, Kind.LIST, Kind.SIGN_TEN, Kind.SIGN_ONE_REPLAY, Kind.SIGN_DOC,
            Kind.SIGN_ONE, Kind.LIST, Kind.SIGN_ONE, Kind.SIGN_TEN, Kind.SIGN_ONE_RACE,
            Kind.LIST, Kind.SIGN_DOC, Kind.SIGN_ONE, Kind.SIGN_TEN, Kind.SIGN_ONE_REPLAY,
            Kind.LIST, Kind.SIGN_DOC, Kind.SIGN_ONE, Kind.SIGN_TEN, Kind.LIST);
    private static final int SIGNERS = 4;
    private static final BenchSigner.SignDocOptions PADES_BB =
            new BenchSigner.SignDocOptions("P", "Ades-B-B", BenchSigner.RSA_SHA256, "Revision");
    private static final byte[] PDF = BenchDocuments.pdf(16 * 1024);
    private static final String PDF_BASE64 = Base64.getEncoder().encodeToString(PDF);

    /** A signer and its credential. */
    private record Account(BenchSigner signer, String credential) {
    }

    /** One call's outcome: its value, or why it failed and whether the server may have done the work anyway. */
    private record Outcome<T>(T value, String failure, boolean inDoubt, long startNanos, long endNanos) {
    }

    private interface Call<T> {
        T run() throws IOException, InterruptedException;
    }

    private final List<Account> accounts;
    private final String pdfDigest;
    private final ExecutorService racePartners = Executors.newCachedThreadPool();

    private MixedFlows(List<Account> accounts) throws NoSuchAlgorithmException {
        this.accounts = accounts;
        this.pdfDigest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(PDF));
    }

    /** Creates the mix's own signers and credentials through the server. */
    static MixedFlows create(BenchServer server) throws Exception {
        return new MixedFlows(Parallel.run(2, SIGNERS, i -> {
            BenchSigner signer = BenchSigner.create(server);
            return new Account(signer, signer.credential(Map.of("keyAlgo", "RSA", "keyLength", 2048,
                    "keyCacheSeconds", 600)));
        }));
    }

    /** HTTP calls per flow on average, over one cycle of the mix (a second send of a SAD not counted). */
    static double callsPerFlow() {
        return MIX.stream().mapToInt(kind -> kind == Kind.LIST ? 1 : 2).average().orElseThrow();
    }

    List<String> userIds() {
        return accounts.stream().map(a -> a.signer().userId()).toList();
    }

    /** Flow number {@code index}, due at {@code dueNanos}; what it observes goes to {@code results}. */
    void run(int index, long dueNanos, PhaseResults results) {
        Account account = accounts.get(index % accounts.size());
        Kind kind = MIX.get(index % MIX.size());
        switch (kind) {
            case LIST -> record(results, "credentials/list", attempt(dueNanos, () -> account.signer().listCredentials()));
            case SIGN_DOC -> signDoc(account, dueNanos, results);
            case SIGN_TEN -> signHash(account, kind, BenchSigner.randomHashes(10), dueNanos, results);
            default -> signHash(account, kind, BenchSigner.randomHashes(1), dueNanos, results);
        }
    }

    private void signHash(Account account, Kind kind, List<String> hashes, long dueNanos, PhaseResults results) {
        String sad = record(results, "authorize", attempt(dueNanos, () -> account.signer().authorize(account.credential(),
                hashes)));
        if (sad == null) {
            return;
        }
        String operation = "signHash." + hashes.size();
        Call<JsonNode> sign = () -> account.signer().signHash(account.credential(), BenchSigner.RSA_SHA256, sad, hashes);
        String userId = account.signer().userId();
        if (kind == Kind.SIGN_ONE_RACE) {
            CompletableFuture<Outcome<JsonNode>> partner = CompletableFuture.supplyAsync(
                    () -> attempt(System.nanoTime(), sign), racePartners);
            Outcome<JsonNode> mine = attempt(System.nanoTime(), sign);
            Outcome<JsonNode> theirs = partner.join();
            boolean mineSigned = mine.value() != null;
            signed(results, operation, userId, hashes.size(), mineSigned ? mine : theirs);
            // the other one is the second spend attempt of this SAD, whichever of the two it was
            Outcome<JsonNode> second = mineSigned ? theirs : mine;
            signaturesFrom(results, userId, hashes.size(), second);
            results.resent(second.failure());
            return;
        }
        Outcome<JsonNode> first = attempt(System.nanoTime(), sign);
        signed(results, operation, userId, hashes.size(), first);
        if (kind == Kind.SIGN_ONE_REPLAY && first.value() != null) {
            Outcome<JsonNode> replay = attempt(System.nanoTime(), sign);
            signaturesFrom(results, userId, hashes.size(), replay);
            results.resent(replay.failure());
        }
    }

    private void signDoc(Account account, long dueNanos, PhaseResults results) {
        String sad = record(results, "authorize", attempt(dueNanos, () -> account.signer().authorize(account.credential(),
                List.of(pdfDigest))));
        if (sad != null) {
            signed(results, "signDoc", account.signer().userId(), 1, attempt(System.nanoTime(),
                    () -> account.signer().signDoc(account.credential(), sad, PADES_BB, PDF_BASE64)));
        }
    }

    /** Records a signing call and the signatures it returned, or that it may have made without telling. */
    private static void signed(PhaseResults results, String operation, String userId, int signatures,
                               Outcome<?> outcome) {
        record(results, operation, outcome);
        signaturesFrom(results, userId, signatures, outcome);
    }

    private static void signaturesFrom(PhaseResults results, String userId, int signatures, Outcome<?> outcome) {
        if (outcome.value() != null) {
            results.signaturesReturned(userId, signatures);
        } else if (outcome.inDoubt()) {
            results.signaturesInDoubt(userId, signatures);
        }
    }

    private static <T> T record(PhaseResults results, String operation, Outcome<T> outcome) {
        if (outcome.value() != null) {
            results.succeeded(operation, outcome.startNanos(), outcome.endNanos() - outcome.startNanos());
        } else {
            results.failed(operation, outcome.failure(), outcome.startNanos());
        }
        return outcome.value();
    }

    /**
     * Makes one call. A refusal in the API's error format is the server's answer; the balancer's 502 or 504 page,
     * or no answer at all, leaves it in doubt whether the server did the work (it may have died after committing).
     */
    private static <T> Outcome<T> attempt(long startNanos, Call<T> call) {
        try {
            T value = call.run();
            return new Outcome<>(value, null, false, startNanos, System.nanoTime());
        } catch (BenchServer.Refused refused) {
            String error = refused.error();
            // the balancer's own 503 means no node was available, so the call never reached a server
            boolean inDoubt = error == null && refused.status() != 503;
            return new Outcome<>(null, "HTTP " + refused.status() + (error == null ? " (balancer)" : " " + error),
                    inDoubt, startNanos, System.nanoTime());
        } catch (HttpTimeoutException timeout) {
            return new Outcome<>(null, "no answer (timeout)", true, startNanos, System.nanoTime());
        } catch (IOException e) {
            return new Outcome<>(null, "no answer (" + e.getClass().getSimpleName() + ")", true, startNanos,
                    System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome<>(null, "interrupted", true, startNanos, System.nanoTime());
        } catch (IllegalStateException wrongAnswer) {
            return new Outcome<>(null, "wrong answer", false, startNanos, System.nanoTime());
        }
    }

    @Override
    public void close() {
        racePartners.shutdownNow();
    }
}
