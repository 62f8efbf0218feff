package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 15: document signing keeps its DSS work, time-stamp and revocation fetches out of any transaction;
 * only the SAD, the HSM and the audit record are inside one. With the transaction timeout lowered below what
 * the documents take, several large PDFs signed at AdES-B-LT at once still succeed (a transaction around the DSS
 * work would be rolled back by the reaper after the HSM signed), and meanwhile signHash and credentials/list of
 * another user keep answering, because no connection is held across the DSS work.
 */
class SlowDocumentsIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";
    private static final String TRANSACTIONS = "/subsystem=transactions";
    private static final int DOCUMENTS = 3;
    private static final long PDF_BYTES = 30_000_000L;

    @TempDir
    Path dir;

    @Test
    void slowDocumentsOutlastTheTransactionTimeoutAndLeaveOtherCallsServed() throws Exception {
        DocumentSigner signer = DocumentSigner.create(EC);
        Path pdf = dir.resolve("large.pdf");
        TestDocuments.largePdf(pdf, PDF_BYTES);
        byte[] digest = sha256(pdf);
        List<String> documentSads = new ArrayList<>();
        for (int i = 0; i <= DOCUMENTS; i++) {
            documentSads.add(signer.client().sad(signer.credentialId(), List.of(digest), CscClient.SHA256));
        }
        CscClient victim = CscClient.newSigner();
        String credential = victim.newCredential(EC).get("credentialID").asText();
        Deque<String[]> sads = new ArrayDeque<>();
        for (int i = 0; i < 80; i++) {
            byte[] hash = Signatures.sha256(Signatures.randomData());
            sads.add(new String[] {victim.sad(credential, List.of(hash), CscClient.SHA256),
                    Base64.getEncoder().encodeToString(hash)});
        }
        String list = Sigillum.object().put("credentialInfo", false).toString();
        Runnable sign = () -> {
            String[] sad = sads.remove();
            Sigillum.Reply reply = victim.signHash(credential, sad[0], List.of(Base64.getDecoder().decode(sad[1])),
                    CscClient.SHA256, ECDSA_SHA256);
            assertEquals(200, reply.status(), reply.body());
        };
        Runnable listing = () -> assertEquals(200, Sigillum.post("/csc/v2/credentials/list", "application/json", list,
                victim.token).status());
        long[] baseline = new long[8];
        for (int i = 0; i < baseline.length; i++) {
            baseline[i] = timed(i % 2 == 0 ? sign : listing);
        }
        Arrays.sort(baseline);
        long budget = 1000 + 2 * baseline[baseline.length / 2];

        // the timeout goes below what one such document takes alone here, so that it means something on any machine
        long alone = signDocument(signer, documentSads.remove(0), pdf);
        int timeoutSeconds = (int) Math.max(1, Math.min(3, alone / 2000));
        java.util.regex.Matcher configured = java.util.regex.Pattern.compile("\"result\" => (\\d+)")
                .matcher(ManagementCli.run(TRANSACTIONS + ":read-attribute(name=default-timeout)"));
        assertTrue(configured.find(), "the transaction timeout is readable");
        String restore = configured.group(1);
        ManagementCli.run(TRANSACTIONS + ":write-attribute(name=default-timeout,value=" + timeoutSeconds + ")");
        ExecutorService pool = Executors.newFixedThreadPool(DOCUMENTS);
        try {
            List<Future<Long>> documents = new ArrayList<>();
            for (String sad : documentSads) {
                documents.add(pool.submit(() -> signDocument(signer, sad, pdf)));
            }
            long worst = 0;
            int calls = 0;
            while (documents.stream().anyMatch(d -> !d.isDone()) && !sads.isEmpty()) {
                worst = Math.max(worst, timed(calls++ % 2 == 0 ? sign : listing));
                Thread.sleep(200);
            }
            long slowest = 0;
            for (Future<Long> document : documents) {
                slowest = Math.max(slowest, document.get(300, TimeUnit.SECONDS));
            }
            assertTrue(slowest > timeoutSeconds * 1000L, "the documents must outlast the transaction timeout for the "
                    + "test to mean anything: the slowest took " + slowest + " ms");
            assertTrue(calls >= 4, "other calls were made while the documents were signed: " + calls);
            assertTrue(worst <= budget, "signHash or credentials/list took " + worst + " ms while " + DOCUMENTS
                    + " documents were signed; budget " + budget + " ms");
            System.out.println("RESULT documents.slow: " + DOCUMENTS + " x " + PDF_BYTES / 1_000_000 + " MB B-LT, slowest "
                    + slowest + " ms under a " + timeoutSeconds + " s transaction timeout (one alone: " + alone
                    + " ms); other calls worst " + worst + " ms (" + calls + " calls)");
        } finally {
            pool.shutdownNow();
            ManagementCli.run(TRANSACTIONS + ":write-attribute(name=default-timeout,value=" + restore + ")");
        }
    }

    /** Signs the PDF at AdES-B-LT through the Document Signature API; returns how long it took, in ms. */
    private long signDocument(DocumentSigner signer, String sad, Path pdf) throws Exception {
        ObjectNode options = Sigillum.object().put("credentialID", signer.credentialId()).put("SAD", sad)
                .put("signature_format", "P").put("conformance_level", "Ades-B-LT").put("signAlgo", ECDSA_SHA256);
        long started = System.nanoTime();
        DocumentUpload.Answer answer = DocumentUpload.to(dir).bearer(signer.client().token).file(pdf, "large.pdf")
                .options(options).send();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        try {
            assertEquals(200, answer.status(), Files.readString(answer.body(), StandardCharsets.ISO_8859_1));
            assertTrue(Files.size(answer.body()) > PDF_BYTES, "a signed PDF came back");
        } finally {
            Files.deleteIfExists(answer.body());
        }
        return millis;
    }

    private static byte[] sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
