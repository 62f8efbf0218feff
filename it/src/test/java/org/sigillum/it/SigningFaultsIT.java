package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checklist A9 under faults: a call that cannot be served leaves the SAD as it was. A file named like a container's
 * own entry is refused before the SAD is spent, whatever the container; an exhausted HSM session pool answers 503
 * before the SAD is touched, so the same SAD signs once the pool is free again.
 */
class SigningFaultsIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";
    private static final String HSM_DEFINITION =
            "/subsystem=resource-adapters/resource-adapter=sigillum-hsm/connection-definitions=hsm";

    @TempDir
    Path dir;

    private final DocumentSigner signer = DocumentSigner.create(EC);

    private ObjectNode options(String sad, String container) {
        return Sigillum.object().put("credentialID", signer.credentialId()).put("SAD", sad).put("signature_format", "C")
                .put("conformance_level", "Ades-B-B").put("signAlgo", ECDSA_SHA256).put("container", container);
    }

    private DocumentUpload.Answer upload(byte[] content, String name, ObjectNode options) throws Exception {
        Path file = Files.write(Files.createTempFile(dir, "upload", ".bin"), content);
        return DocumentUpload.to(dir).bearer(signer.client().token).file(file, name).options(options).send();
    }

    @Test
    void a9FilesNamedLikeContainerEntriesAreRefusedBeforeTheSadIsSpent() throws Exception {
        byte[] data = Signatures.randomData();
        for (String container : List.of("ASiC-S", "ASiC-E")) {
            String sad = signer.sadFor(data);
            for (String name : List.of("mimetype", "META-INF", "MIMETYPE")) {
                ApiErrors.assertError(upload(data, name, options(sad, container)).asReply(), 400, "invalid_request",
                        "cannot be named");
            }
            DocumentUpload.Answer signed = upload(data, "data.bin", options(sad, container));
            assertEquals(200, signed.status(), container + ": the SAD is intact: "
                    + Files.readString(signed.body(), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void a9AnExhaustedHsmPoolAnswers503AndLeavesTheSadIntact() throws Exception {
        long maxPool = ManagementCli.hsmPoolMaxSize();
        List<byte[]> hashes = new ArrayList<>();
        List<String> sads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] hash = Signatures.sha256(Signatures.randomData());
            hashes.add(hash);
            sads.add(signer.client().sad(signer.credentialId(), List.of(hash), CscClient.SHA256));
        }
        List<Integer> refused = new ArrayList<>();
        AtomicBoolean flooding = new AtomicBoolean(true);
        ExecutorService flood = Executors.newFixedThreadPool(16);
        // one session, held by slow RSA-4096 key generations queued up behind each other
        ManagementCli.run(HSM_DEFINITION + ":write-attribute(name=max-pool-size, value=1)");
        try {
            for (int t = 0; t < 16; t++) {
                flood.submit(() -> {
                    while (flooding.get()) {
                        Sigillum.operatorPost("/api/v1/diagnostics/hsm/sign", Sigillum.object().put("keyAlgo", "RSA")
                                .put("keyLength", 4096).put("signAlgo", "1.2.840.113549.1.1.11")
                                .put("hashAlgorithmOID", CscClient.SHA256).set("hashes", Sigillum.JSON.createArrayNode()
                                        .add(Base64.getEncoder().encodeToString(new byte[32]))));
                    }
                    return null;
                });
            }
            Thread.sleep(2000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (int i = 0; i < sads.size() && refused.isEmpty() && System.nanoTime() < deadline; i++) {
                Sigillum.Reply reply = signer.client().signHash(signer.credentialId(), sads.get(i), List.of(hashes.get(i)),
                        CscClient.SHA256, ECDSA_SHA256);
                if (reply.status() == 503) {
                    ApiErrors.assertError(reply, 503, "temporarily_unavailable");
                    refused.add(i);
                } else {
                    assertEquals(200, reply.status(), reply.body());
                }
            }
        } finally {
            flooding.set(false);
            ManagementCli.run(HSM_DEFINITION + ":write-attribute(name=max-pool-size, value=" + maxPool + ")");
            flood.shutdown();
            assertTrue(flood.awaitTermination(180, TimeUnit.SECONDS));
        }
        assertFalse(refused.isEmpty(), "the pool was never exhausted: no 503 seen");
        for (int i : refused) {
            Sigillum.Reply retry = signer.client().signHash(signer.credentialId(), sads.get(i), List.of(hashes.get(i)),
                    CscClient.SHA256, ECDSA_SHA256);
            assertEquals(200, retry.status(), "the SAD refused with 503 signs afterwards: " + retry.body());
        }
    }

    /**
     * Issue 11 item 4: a failure after the HSM signed leaves a FAILED record, never silence. The outside trigger is
     * the database refusing the signature's own audit record (a trigger on audit_record for this test's credential
     * only, as a full disk, a broken constraint or a DBA's rule would): the HSM has signed by then, the transaction
     * rolls back, and the call must answer 500 in the API's format with a FAILED record written on its own, for
     * signHash, signDoc and the Document Signature API alike.
     */
    @Test
    void e1a9SigningThatFailsAfterTheHsmSignedIsAuditedAsFailed() throws Exception {
        String credential = signer.credentialId();
        String trigger = "it_refuse_signed_" + credential.replace("-", "");
        try (java.sql.Connection db = Database.connect(); java.sql.Statement sql = db.createStatement()) {
            sql.execute("CREATE OR REPLACE FUNCTION it_refuse_signed() RETURNS trigger AS $$ BEGIN "
                    + "IF NEW.event = 'SIGNED' AND NEW.credential_id = TG_ARGV[0] THEN "
                    + "RAISE EXCEPTION 'the signature record is refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
            sql.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON audit_record FOR EACH ROW "
                    + "EXECUTE FUNCTION it_refuse_signed('" + credential + "')");
        }
        try {
            long before = AuditLog.head();
            byte[] hash = Signatures.sha256(Signatures.randomData());
            String sad = signer.client().sad(credential, List.of(hash), CscClient.SHA256);
            Sigillum.Reply signHash = signer.client().signHash(credential, sad, List.of(hash), CscClient.SHA256, ECDSA_SHA256);
            ApiErrors.assertError(signHash, 500, "server_error");

            byte[] xml = TestDocuments.xml("Failed after signing Ltd");
            Sigillum.Reply signDoc = signer.signDoc(signer.sadFor(xml),
                    DocumentSigner.document(xml, "X", "Enveloped", ECDSA_SHA256));
            ApiErrors.assertError(signDoc, 500, "server_error");

            byte[] data = Signatures.randomData();
            DocumentUpload.Answer upload = upload(data, "data.bin", options(signer.sadFor(data), "ASiC-E"));
            ApiErrors.assertError(upload.asReply(), 500, "server_error");

            int failed = 0;
            for (com.fasterxml.jackson.databind.JsonNode record : AuditLog.recordsAfter(before)) {
                if (!credential.equals(record.path("credentialId").asText())) {
                    continue;
                }
                assertFalse("SIGNED".equals(record.path("event").asText()), "no signature record: " + record);
                if ("SIGNING_REFUSED".equals(record.path("event").asText())
                        && "FAILED".equals(record.path("outcome").asText())) {
                    failed++;
                }
            }
            assertEquals(3, failed, "one FAILED record per call that failed after the HSM signed");
        } finally {
            try (java.sql.Connection db = Database.connect(); java.sql.Statement sql = db.createStatement()) {
                sql.execute("DROP TRIGGER " + trigger + " ON audit_record");
            }
        }
        AuditLog.assertIntact();
    }
}
