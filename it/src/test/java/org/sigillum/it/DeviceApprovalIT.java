package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Approval on a registered device, driven through the reference device client (bin/device-client): the device
 * registers its ES256 key with an enrolment code, fetches the pending approval with what is to be signed, and
 * approves or declines it with a signature over that content. Only an approved, live, unused approval for the same
 * transaction completes the PIN; declined, timed-out, replayed and misapplied approvals get the one answer (C8), and
 * each is audited.
 */
class DeviceApprovalIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String WRONG = "the authentication data is wrong, or signing is locked";

    /** A signer with a credential and a registered device. */
    private record Signer(CscClient client, String credentialId, Path deviceKey, String deviceId) {
    }

    private record Run(int exit, String out, String err) {
    }

    private static Signer signerWithDevice() throws Exception {
        CscClient client = CscClient.newSigner();
        String credentialId = client.newCredential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}").get("credentialID").asText();
        Sigillum.Reply enrolment = Sigillum.operatorPost("/api/v1/users/" + client.userId + "/devices/enrolment", "{}");
        assertEquals(201, enrolment.status(), enrolment.body());
        Path key = Files.createTempDirectory("device").resolve("device.key");
        Run registered = device("register", key, "--code", enrolment.json().get("enrolmentCode").asText(), "--name", "phone");
        assertEquals(0, registered.exit(), registered.err());
        // the code works once
        Run again = device("register", Files.createTempDirectory("device").resolve("other.key"), "--code",
                enrolment.json().get("enrolmentCode").asText());
        assertEquals(1, again.exit(), again.out());
        return new Signer(client, credentialId, key, registered.out().trim());
    }

    private static Run device(String command, Path key, String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Sigillum.env("SIGILLUM_IT_DEVICE_CLIENT"), command, "--url",
                Sigillum.env("SIGILLUM_IT_URL"), "--key", key.toString()));
        args.addAll(List.of(options));
        Process process = new ProcessBuilder(args).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the device client did not finish: " + args);
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static String requestApproval(Signer signer, List<byte[]> hashes) {
        Sigillum.Reply reply = signer.client().call("credentials/getChallenge", challenge(signer.credentialId(), hashes));
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get("challenge").asText();
    }

    @Test
    void approvedOnTheDeviceClientAuthorizesAndSigns() throws Exception {
        Signer signer = signerWithDevice();
        Sigillum.Reply devices = Sigillum.operatorGet("/api/v1/users/" + signer.client().userId + "/devices");
        assertEquals(200, devices.status(), devices.body());
        assertEquals(signer.deviceId(), devices.json().get(0).get("id").asText());
        assertEquals("phone", devices.json().get(0).get("name").asText());
        JsonNode info = signer.client().call("credentials/info", Sigillum.object().put("credentialID", signer.credentialId())
                .put("authInfo", true).put("certificates", "single")).json();
        assertEquals("PIN AND DEVICE", info.get("auth").get("expression").asText(), info.toString());

        byte[] document = Signatures.randomData();
        List<byte[]> hashes = List.of(Signatures.sha256(document));
        long head = AuditLog.head();
        String approval = requestApproval(signer, hashes);
        Run pending = device("list", signer.deviceKey());
        assertEquals(0, pending.exit(), pending.err());
        JsonNode listed = Sigillum.JSON.readTree(pending.out());
        assertEquals(1, listed.size(), pending.out());
        assertEquals(approval, listed.get(0).get("approvalID").asText());
        assertEquals(Base64.getEncoder().encodeToString(hashes.get(0)), listed.get(0).get("hashes").get(0).asText(),
                "the device sees what is to be signed");
        assertEquals(signer.credentialId(), listed.get(0).get("credentialID").asText());

        // before the device approved, the approval completes nothing
        assertRefused(authorize(signer, hashes, approval));
        Run approved = device("approve", signer.deviceKey(), "--id", approval);
        assertEquals(0, approved.exit(), approved.err());
        Sigillum.Reply authorized = authorize(signer, hashes, approval);
        assertEquals(200, authorized.status(), authorized.body());
        Sigillum.Reply signed = signer.client().signHash(signer.credentialId(), authorized.json().get("SAD").asText(),
                hashes, CscClient.SHA256, ECDSA_SHA256);
        assertEquals(200, signed.status(), signed.body());
        PublicKey key = CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(
                Base64.getDecoder().decode(info.get("cert").get("certificates").get(0).asText()))).getPublicKey();
        assertTrue(Signatures.verify(key, ECDSA_SHA256, document, signed.json().get("signatures").get(0).asText()));

        List<JsonNode> records = AuditLog.recordsAfter(head);
        assertTrue(records.stream().anyMatch(r -> "DEVICE_APPROVED".equals(r.path("event").asText())), records.toString());
        assertTrue(records.stream().anyMatch(r -> "AUTHORIZED".equals(r.path("event").asText())
                && r.path("detail").asText().contains("DEVICE")), "the SAD's evidence names the factor: " + records);
    }

    @Test
    void c8DeclinedApprovalIsRefusedWithTheOneAnswer() throws Exception {
        Signer signer = signerWithDevice();
        List<byte[]> hashes = List.of(Signatures.sha256(Signatures.randomData()));
        long head = AuditLog.head();
        String approval = requestApproval(signer, hashes);
        Run declined = device("decline", signer.deviceKey(), "--id", approval);
        assertEquals(0, declined.exit(), declined.err());
        assertRefused(authorize(signer, hashes, approval));
        // a decision is final: approving afterwards is refused too
        assertEquals(1, device("approve", signer.deviceKey(), "--id", approval).exit());
        assertRefused(authorize(signer, hashes, approval));
        List<JsonNode> records = AuditLog.recordsAfter(head);
        assertTrue(records.stream().anyMatch(r -> "DEVICE_DECLINED".equals(r.path("event").asText())), records.toString());
        assertEquals(2, records.stream().filter(r -> "AUTHORIZATION_REFUSED".equals(r.path("event").asText())
                && signer.credentialId().equals(r.path("credentialId").asText())).count(), records.toString());
    }

    @Test
    void c8AnApprovalThatTimesOutIsRefused() throws Exception {
        Signer signer = signerWithDevice();
        List<byte[]> hashes = List.of(Signatures.sha256(Signatures.randomData()));
        String approval = requestApproval(signer, hashes);
        Thread.sleep((Long.parseLong(Sigillum.env("SIGILLUM_IT_DEVICE_APPROVAL_SECONDS")) + 2) * 1000);
        Run late = device("list", signer.deviceKey());
        assertEquals(0, late.exit(), late.err());
        assertEquals(0, Sigillum.JSON.readTree(late.out()).size(), "a timed-out approval is no longer offered: " + late.out());
        assertEquals(1, device("approve", signer.deviceKey(), "--id", approval).exit());
        assertRefused(authorize(signer, hashes, approval));
    }

    @Test
    void c8AReplayedApprovalIsRefusedAndAudited() throws Exception {
        Signer signer = signerWithDevice();
        List<byte[]> hashes = List.of(Signatures.sha256(Signatures.randomData()));
        String approval = requestApproval(signer, hashes);
        Run approved = device("approve", signer.deviceKey(), "--id", approval);
        assertEquals(0, approved.exit(), approved.err());
        assertEquals(200, authorize(signer, hashes, approval).status());
        long head = AuditLog.head();
        // the device's signed decision sent again, and the approval presented again: neither counts twice
        Run replayed = device("send", signer.deviceKey(), "--id", approval, "--body", approved.out().trim());
        assertEquals(1, replayed.exit(), replayed.out());
        assertTrue(replayed.err().contains("409"), replayed.err());
        assertRefused(authorize(signer, hashes, approval));
        List<JsonNode> records = AuditLog.recordsAfter(head);
        assertTrue(records.stream().anyMatch(r -> "DEVICE_DECISION_REFUSED".equals(r.path("event").asText())),
                records.toString());
        assertTrue(records.stream().anyMatch(r -> "AUTHORIZATION_REFUSED".equals(r.path("event").asText())
                && signer.credentialId().equals(r.path("credentialId").asText())), records.toString());
    }

    @Test
    void c8AnApprovalForOneTransactionCannotAuthorizeAnother() throws Exception {
        Signer signer = signerWithDevice();
        List<byte[]> approvedHashes = List.of(Signatures.sha256(Signatures.randomData()));
        List<byte[]> otherHashes = List.of(Signatures.sha256(Signatures.randomData()));
        String approval = requestApproval(signer, approvedHashes);
        assertEquals(0, device("approve", signer.deviceKey(), "--id", approval).exit());
        assertRefused(authorize(signer, otherHashes, approval));
        // a forged decision (not the device's signature) is refused before anything changes
        String other = requestApproval(signer, otherHashes);
        Run forged = device("send", signer.deviceKey(), "--id", other, "--body",
                "{\"decision\":\"approve\",\"signature\":\"" + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(new byte[64]) + "\"}");
        assertEquals(1, forged.exit());
        assertRefused(authorize(signer, otherHashes, other));
        assertEquals(200, authorize(signer, approvedHashes, approval).status());
    }

    @Test
    void aDeletedDeviceApprovesNothing() throws Exception {
        Signer signer = signerWithDevice();
        Sigillum.Reply deleted = Sigillum.delete("/api/v1/users/" + signer.client().userId + "/devices/" + signer.deviceId());
        assertEquals(204, deleted.status(), deleted.body());
        Run list = device("list", signer.deviceKey());
        assertEquals(1, list.exit());
        assertTrue(list.err().contains("401"), list.err());
        assertEquals(0, Sigillum.operatorGet("/api/v1/users/" + signer.client().userId + "/devices").json().size());
    }

    private static Sigillum.Reply authorize(Signer signer, List<byte[]> hashes, String approval) {
        return signer.client().authorizeWith(signer.credentialId(), hashes, CscClient.PIN, "DEVICE", approval);
    }

    private static void assertRefused(Sigillum.Reply reply) {
        ApiErrors.assertError(reply, 400, "invalid_authentication_data");
        assertEquals(WRONG, reply.json().get("error_description").asText());
    }

    private static ObjectNode challenge(String credentialId, List<byte[]> hashes) {
        ObjectNode body = Sigillum.object().put("credentialID", credentialId).put("authObjectID", "DEVICE")
                .put("numSignatures", hashes.size()).put("hashAlgorithmOID", CscClient.SHA256);
        hashes.forEach(h -> body.withArray("hashes").add(Base64.getEncoder().encodeToString(h)));
        return body;
    }
}
