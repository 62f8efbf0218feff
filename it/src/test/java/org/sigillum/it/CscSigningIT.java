package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The CSC v2 signing path end to end (auth/login, list, info, authorize with PIN, signHash), every signature
 * verified with plain JCA, and the checklist items of section A, B4 and C7 tried against it.
 */
class CscSigningIT {

    private static final String RSA_PKCS1 = "1.2.840.113549.1.1.1";
    private static final String RSA_PSS = "1.2.840.113549.1.1.10";
    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String SHA1 = "1.3.14.3.2.26";

    @Test
    void listInfoAuthorizeAndSignThreeHashesWithEachKeyKind() throws Exception {
        CscClient signer = CscClient.newSigner();
        JsonNode rsa = signer.newCredential("{\"keyAlgo\":\"RSA\",\"keyLength\":2048}");
        JsonNode ec = signer.newCredential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}");

        JsonNode list = signer.call("credentials/list", Sigillum.object().put("credentialInfo", true)).json();
        assertEquals(List.of(rsa.get("credentialID").asText(), ec.get("credentialID").asText()),
                InfoIT.texts(list.get("credentialIDs")));
        JsonNode info = signer.call("credentials/info", Sigillum.object().put("credentialID", ec.get("credentialID").asText())
                .put("authInfo", true)).json();
        assertEquals("2", info.get("SCAL").asText());
        assertEquals("explicit", info.get("auth").get("mode").asText());
        assertEquals("PIN", info.get("auth").get("objects").get(0).get("id").asText());
        assertEquals(256, info.get("key").get("len").asInt());

        signAndVerify(signer, rsa, RSA_PKCS1, "1.2.840.113549.1.1.11");
        signAndVerify(signer, rsa, RSA_PSS, RSA_PSS);
        signAndVerify(signer, ec, ECDSA_SHA256, ECDSA_SHA256);
    }

    private static void signAndVerify(CscClient signer, JsonNode credential, String signAlgo, String verifyAs)
            throws Exception {
        List<byte[]> data = List.of(Signatures.randomData(), Signatures.randomData(), Signatures.randomData());
        List<byte[]> hashes = new ArrayList<>();
        for (byte[] d : data) {
            hashes.add(Signatures.sha256(d));
        }
        String id = credential.get("credentialID").asText();
        String sad = signer.sad(id, hashes, CscClient.SHA256);
        Sigillum.Reply reply = signer.signHash(id, sad, hashes, CscClient.SHA256, signAlgo);
        assertEquals(200, reply.status(), reply.body());
        PublicKey key = certificate(signer, id).getPublicKey();
        JsonNode signatures = reply.json().get("signatures");
        assertEquals(3, signatures.size());
        for (int i = 0; i < 3; i++) {
            assertTrue(Signatures.verify(key, verifyAs, data.get(i), signatures.get(i).asText()), signAlgo + " #" + i);
        }
    }

    /** The end-entity certificate as credentials/info returns it: signatures are checked against this. */
    private static X509Certificate certificate(CscClient signer, String credentialId) throws Exception {
        JsonNode info = signer.call("credentials/info", Sigillum.object().put("credentialID", credentialId)).json();
        return parse(info.get("cert").get("certificates").get(0).asText());
    }

    private static X509Certificate parse(String base64) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    @Test
    void certificatesChainToTheBuiltInRootWithTheSigningProfile() throws Exception {
        CscClient signer = CscClient.newSigner();
        JsonNode credential = signer.newCredential("{\"keyAlgo\":\"RSA\",\"keyLength\":2048}");
        JsonNode info = signer.call("credentials/info", Sigillum.object().put("credentialID",
                credential.get("credentialID").asText()).put("certificates", "chain").put("certInfo", true)).json();
        JsonNode cert = info.get("cert");
        assertEquals("valid", cert.get("status").asText());
        assertEquals(3, cert.get("certificates").size());
        List<X509Certificate> chain = new ArrayList<>();
        cert.get("certificates").forEach(c -> {
            try {
                chain.add(parse(c.asText()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        X509Certificate endEntity = chain.get(0);
        assertEquals(Base64.getEncoder().encodeToString(endEntity.getPublicKey().getEncoded()),
                credential.get("publicKey").asText(), "the certificate certifies the credential's key");
        assertTrue(endEntity.getSubjectX500Principal().getName().contains("CN=signer-"), endEntity.getSubjectX500Principal().getName());
        assertEquals(endEntity.getSubjectX500Principal().getName(), cert.get("subjectDN").asText());
        assertTrue(cert.get("validTo").asText().matches("\\d{14}Z"), cert.toString());
        boolean[] usage = endEntity.getKeyUsage();
        assertTrue(usage[1], "nonRepudiation");
        for (int bit = 0; bit < usage.length; bit++) {
            assertTrue(bit == 1 || !usage[bit], "only nonRepudiation, found bit " + bit);
        }
        assertEquals(-1, endEntity.getBasicConstraints());
        assertTrue(endEntity.getSerialNumber().bitLength() >= 64, "serial of at least 64 random bits");
        assertTrue(endEntity.getExtensionValue("1.3.6.1.5.5.7.1.1") != null, "AIA");
        assertTrue(endEntity.getExtensionValue("2.5.29.31") != null, "CRL distribution point");

        byte[] root = Sigillum.getBytes("/ca/root.crt");
        X509Certificate anchor = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(root));
        assertEquals(anchor, chain.get(2), "the chain ends at the published root");
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0, 2)), parameters);
    }

    @Test
    void a1SadIsSingleUseAndTheSecondUseIsAudited() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential("{\"keyAlgo\":\"EC\"}").get("credentialID").asText();
        List<byte[]> hashes = List.of(Signatures.sha256(Signatures.randomData()));
        String sad = signer.sad(id, hashes, CscClient.SHA256);
        assertEquals(200, signer.signHash(id, sad, hashes, CscClient.SHA256, ECDSA_SHA256).status());
        ApiErrors.assertError(signer.signHash(id, sad, hashes, CscClient.SHA256, ECDSA_SHA256), 400, "invalid_request");
        long head = Sigillum.operatorGet("/api/v1/audit/verify").json().get("headSeq").asLong();
        JsonNode last = Sigillum.operatorGet("/api/v1/audit?from=" + head + "&limit=1").json().get(0);
        assertEquals("SIGNING_REFUSED", last.get("event").asText());
        assertEquals(id, last.get("credentialId").asText());
        assertFalse(last.toString().contains(sad), "a SAD in the audit log");
    }

    @Test
    void a2SadSignsOnlyTheAuthorizedHashesAndNoMore() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential("{\"keyAlgo\":\"EC\"}").get("credentialID").asText();
        byte[] h = Signatures.sha256(Signatures.randomData());
        byte[] other = Signatures.sha256(Signatures.randomData());
        ApiErrors.assertError(signer.signHash(id, signer.sad(id, List.of(h), CscClient.SHA256), List.of(other),
                CscClient.SHA256, ECDSA_SHA256), 403, "invalid_hash");
        ApiErrors.assertError(signer.signHash(id, signer.sad(id, List.of(h), CscClient.SHA256), List.of(h, other),
                CscClient.SHA256, ECDSA_SHA256), 400, "invalid_request");
        ApiErrors.assertError(signer.signHash(id, signer.sad(id, List.of(h), CscClient.SHA256), List.of(h, h),
                CscClient.SHA256, ECDSA_SHA256), 400, "invalid_request");
    }

    @Test
    void a2Scal1BudgetRefusesTheOneSignatureTooMany() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential("{\"keyAlgo\":\"EC\",\"scal\":\"1\"}").get("credentialID").asText();
        Sigillum.Reply authorized = signer.call("credentials/authorize", Sigillum.object().put("credentialID", id)
                .put("numSignatures", 2).set("authData", Sigillum.JSON.readTree("[{\"id\":\"PIN\",\"value\":\"" + CscClient.PIN + "\"}]")));
        assertEquals(200, authorized.status(), authorized.body());
        String sad = authorized.json().get("SAD").asText();
        List<byte[]> three = List.of(Signatures.sha256(Signatures.randomData()), Signatures.sha256(Signatures.randomData()),
                Signatures.sha256(Signatures.randomData()));
        ApiErrors.assertError(signer.signHash(id, sad, three, CscClient.SHA256, ECDSA_SHA256), 400, "invalid_request");
    }

    @Test
    void a3SadForOneCredentialCannotBeUsedWithAnother() throws Exception {
        CscClient signer = CscClient.newSigner();
        String k1 = signer.newCredential("{\"keyAlgo\":\"EC\"}").get("credentialID").asText();
        String k2 = signer.newCredential("{\"keyAlgo\":\"EC\"}").get("credentialID").asText();
        List<byte[]> hashes = List.of(Signatures.sha256(Signatures.randomData()));
        ApiErrors.assertError(signer.signHash(k2, signer.sad(k1, hashes, CscClient.SHA256), hashes, CscClient.SHA256,
                ECDSA_SHA256), 400, "invalid_request");
    }

    @Test
    void a4AnotherUsersSadIsRefused() throws Exception {
        CscClient x = CscClient.newSigner();
        CscClient y = CscClient.newSigner();
        String yKey = y.newCredential("{\"keyAlgo\":\"EC\"}").get("credentialID").asText();
        List<byte[]> hashes = List.of(Signatures.sha256(Signatures.randomData()));
        String ySad = y.sad(yKey, hashes, CscClient.SHA256);
        ApiErrors.assertError(x.signHash(yKey, ySad, hashes, CscClient.SHA256, ECDSA_SHA256), 400, "invalid_request");
        String xKey = x.newCredential("{\"keyAlgo\":\"EC\"}").get("credentialID").asText();
        ApiErrors.assertError(x.signHash(xKey, y.sad(yKey, hashes, CscClient.SHA256), hashes, CscClient.SHA256,
                ECDSA_SHA256), 400, "invalid_request");
    }

    @Test
    void a5ForgedAlteredAndAlgNoneSadsAreRefused() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential("{\"keyAlgo\":\"EC\"}").get("credentialID").asText();
        List<byte[]> hashes = List.of(Signatures.sha256(Signatures.randomData()));
        String sad = signer.sad(id, hashes, CscClient.SHA256);
        String altered = (sad.charAt(0) == 'A' ? "B" : "A") + sad.substring(1);
        String algNone = "eyJhbGciOiJub25lIn0.eyJjcmVkZW50aWFsSUQiOiIxIn0.";
        for (String forged : List.of(altered, algNone, "", "null", sad + "x")) {
            ApiErrors.assertError(signer.signHash(id, forged, hashes, CscClient.SHA256, ECDSA_SHA256), 400, "invalid_request");
        }
        assertEquals(200, signer.signHash(id, sad, hashes, CscClient.SHA256, ECDSA_SHA256).status(),
                "forgeries must not have spent the genuine SAD");
    }

    @Test
    void a6TheHashAlgorithmSignedMustBeTheOneAuthorized() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential("{\"keyAlgo\":\"RSA\",\"keyLength\":2048}").get("credentialID").asText();
        byte[] data = Signatures.randomData();
        List<byte[]> sha256 = List.of(Signatures.sha256(data));
        List<byte[]> sha384 = List.of(CscClient.digest("SHA-384", data));
        ApiErrors.assertError(signer.signHash(id, signer.sad(id, sha256, CscClient.SHA256), sha384, CscClient.SHA384,
                RSA_PKCS1), 400, "invalid_request");
        ApiErrors.assertError(signer.signHash(id, signer.sad(id, sha256, CscClient.SHA256), sha256, CscClient.SHA256,
                "1.2.840.113549.1.1.12"), 400, "invalid_request");
        ApiErrors.assertError(signer.authorize(id, List.of(new byte[20]), CscClient.SHA256, CscClient.PIN), 403,
                "invalid_hash");
    }

    @Test
    void a7Scal2CredentialCannotBeAuthorizedWithoutHashes() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential("{\"keyAlgo\":\"EC\"}").get("credentialID").asText();
        ApiErrors.assertError(signer.call("credentials/authorize", Sigillum.object().put("credentialID", id)
                .put("numSignatures", 1).set("authData", Sigillum.JSON.readTree("[{\"id\":\"PIN\",\"value\":\""
                        + CscClient.PIN + "\"}]"))), 400, "invalid_request");
    }

    @Test
    void a8ConcurrentUsesOfOneSadYieldExactlyOneSignature() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential("{\"keyAlgo\":\"EC\"}").get("credentialID").asText();
        ExecutorService executor = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 10; round++) {
                List<byte[]> hashes = List.of(Signatures.sha256(Signatures.randomData()));
                String sad = signer.sad(id, hashes, CscClient.SHA256);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> attempts = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    attempts.add(executor.submit(() -> {
                        start.await();
                        return signer.signHash(id, sad, hashes, CscClient.SHA256, ECDSA_SHA256).status();
                    }));
                }
                start.countDown();
                int signed = 0;
                for (Future<Integer> attempt : attempts) {
                    signed += attempt.get() == 200 ? 1 : 0;
                }
                assertEquals(1, signed, "round " + round + ": one SAD, one signature");
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void credentialWithKeyCachePolicySignsFromTheCacheButStillNeedsASadEachTime() throws Exception {
        CscClient signer = CscClient.newSigner();
        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/users/" + signer.userId + "/credentials",
                "{\"keyAlgo\":\"EC\",\"keyCacheSeconds\":-1}"), 400, "invalid_request");
        JsonNode credential = signer.newCredential("{\"keyAlgo\":\"EC\",\"keyCacheSeconds\":3}");
        String id = credential.get("credentialID").asText();
        JsonNode before = Sigillum.operatorGet("/api/v1/diagnostics/hsm/status").json();
        long hitsBefore = before.get("keyCache").get("hits").asLong();
        for (int i = 0; i < 3; i++) {
            byte[] data = Signatures.randomData();
            List<byte[]> hashes = List.of(Signatures.sha256(data));
            Sigillum.Reply reply = signer.signHash(id, signer.sad(id, hashes, CscClient.SHA256), hashes, CscClient.SHA256,
                    ECDSA_SHA256);
            assertEquals(200, reply.status(), reply.body());
            assertTrue(Signatures.verify(certificate(signer, id).getPublicKey(), ECDSA_SHA256, data,
                    reply.json().get("signatures").get(0).asText()));
            ApiErrors.assertError(signer.signHash(id, "no-sad", hashes, CscClient.SHA256, ECDSA_SHA256), 400,
                    "invalid_request");
        }
        long hitsAfter = Sigillum.operatorGet("/api/v1/diagnostics/hsm/status").json().get("keyCache").get("hits").asLong();
        assertTrue(hitsAfter - hitsBefore >= 2, "the second and third signatures come from the cached key");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        int objects;
        do {
            Thread.sleep(250);
            objects = Sigillum.operatorGet("/api/v1/diagnostics/hsm/status").json().get("sessionObjects").asInt();
        } while (objects > before.get("sessionObjects").asInt() && System.nanoTime() < deadline);
        assertEquals(before.get("sessionObjects").asInt(), objects, "B3: the cached key is destroyed when it expires");
    }

    @Test
    void extendTransactionTradesALiveSadForANewOneOnce() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential("{\"keyAlgo\":\"EC\"}").get("credentialID").asText();
        byte[] h1 = Signatures.sha256(Signatures.randomData());
        byte[] h2 = Signatures.sha256(Signatures.randomData());
        String sad = signer.sad(id, List.of(h1, h2), CscClient.SHA256);
        Sigillum.Reply extended = signer.call("credentials/extendTransaction", Sigillum.object().put("credentialID", id)
                .put("SAD", sad).put("hashAlgorithmOID", CscClient.SHA256));
        assertEquals(200, extended.status(), extended.body());
        String renewed = extended.json().get("SAD").asText();
        assertTrue(extended.json().get("expiresIn").asLong() > 0);
        ApiErrors.assertError(signer.signHash(id, sad, List.of(h1), CscClient.SHA256, ECDSA_SHA256), 400, "invalid_request");
        ApiErrors.assertError(signer.call("credentials/extendTransaction", Sigillum.object().put("credentialID", id)
                .put("SAD", sad)), 400, "invalid_request");
        assertEquals(200, signer.signHash(id, renewed, List.of(h1, h2), CscClient.SHA256, ECDSA_SHA256).status(),
                "the new SAD carries the same authorization");

        String narrowed = signer.call("credentials/extendTransaction", Sigillum.object().put("credentialID", id)
                .put("SAD", signer.sad(id, List.of(h1, h2), CscClient.SHA256)).put("hashAlgorithmOID", CscClient.SHA256)
                .set("hashes", Sigillum.JSON.valueToTree(List.of(java.util.Base64.getEncoder().encodeToString(h1)))))
                .json().get("SAD").asText();
        ApiErrors.assertError(signer.signHash(id, narrowed, List.of(h2), CscClient.SHA256, ECDSA_SHA256), 403,
                "invalid_hash");
        ApiErrors.assertError(signer.call("credentials/extendTransaction", Sigillum.object().put("credentialID", id)
                .put("SAD", signer.sad(id, List.of(h1), CscClient.SHA256)).put("hashAlgorithmOID", CscClient.SHA256)
                .set("hashes", Sigillum.JSON.valueToTree(List.of(java.util.Base64.getEncoder().encodeToString(h2))))),
                403, "invalid_hash");
    }

    @Test
    void a11b3DeletingACredentialDestroysItsCachedKeyAndEndsItsSads() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential("{\"keyAlgo\":\"EC\",\"keyCacheSeconds\":600}").get("credentialID").asText();
        int before = Sigillum.operatorGet("/api/v1/diagnostics/hsm/status").json().get("sessionObjects").asInt();
        List<byte[]> first = List.of(Signatures.sha256(Signatures.randomData()));
        assertEquals(200, signer.signHash(id, signer.sad(id, first, CscClient.SHA256), first, CscClient.SHA256,
                ECDSA_SHA256).status());
        assertEquals(before + 1, Sigillum.operatorGet("/api/v1/diagnostics/hsm/status").json().get("sessionObjects").asInt(),
                "the unwrapped key is cached");
        List<byte[]> second = List.of(Signatures.sha256(Signatures.randomData()));
        String outstanding = signer.sad(id, second, CscClient.SHA256);

        assertEquals(204, Sigillum.delete("/api/v1/users/" + signer.userId + "/credentials/" + id).status());
        assertEquals(before, Sigillum.operatorGet("/api/v1/diagnostics/hsm/status").json().get("sessionObjects").asInt(),
                "deletion destroys the cached key at once");
        ApiErrors.assertError(signer.signHash(id, outstanding, second, CscClient.SHA256, ECDSA_SHA256), 400,
                "invalid_request");
        assertEquals(0, signer.call("credentials/list", Sigillum.object()).json().get("credentialIDs").size());

        assertEquals(204, Sigillum.delete("/api/v1/users/" + signer.userId).status());
        ApiErrors.assertError(signer.call("credentials/list", Sigillum.object()), 401, "invalid_token");
        ApiErrors.assertError(Sigillum.operatorGet("/api/v1/users/" + signer.userId), 404, "not_found");
    }

    @Test
    void b4Sha1IsRefusedAtAuthorization() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential("{\"keyAlgo\":\"RSA\",\"keyLength\":2048}").get("credentialID").asText();
        ApiErrors.assertError(signer.authorize(id, List.of(new byte[20]), SHA1, CscClient.PIN), 400, "invalid_request");
    }

    @Test
    void c7ListAndInfoNeverShowAnotherUsersCredentials() throws Exception {
        CscClient owner = CscClient.newSigner();
        CscClient other = CscClient.newSigner();
        String id = owner.newCredential("{\"keyAlgo\":\"EC\"}").get("credentialID").asText();
        JsonNode list = other.call("credentials/list", Sigillum.object().put("userID", owner.userId)
                .put("credentialInfo", true)).json();
        assertEquals(0, list.get("credentialIDs").size(), list.toString());
        Sigillum.Reply foreign = other.call("credentials/info", Sigillum.object().put("credentialID", id));
        Sigillum.Reply missing = other.call("credentials/info",
                Sigillum.object().put("credentialID", java.util.UUID.randomUUID().toString()));
        ApiErrors.assertError(foreign, 400, "invalid_request");
        assertEquals(missing.body(), foreign.body(), "a foreign credential must look like a missing one");
        ApiErrors.assertError(other.authorize(id, List.of(Signatures.sha256(Signatures.randomData())), CscClient.SHA256,
                CscClient.PIN), 400, "invalid_request");
    }

    @Test
    void c8WrongPinsLockSigningWithOneIndistinguishableAnswer() throws Exception {
        CscClient signer = CscClient.newSigner();
        String id = signer.newCredential("{\"keyAlgo\":\"EC\"}").get("credentialID").asText();
        List<byte[]> hashes = List.of(Signatures.sha256(Signatures.randomData()));
        Sigillum.Reply wrong = signer.authorize(id, hashes, CscClient.SHA256, "000000");
        ApiErrors.assertError(wrong, 400, "invalid_authentication_data");
        for (int i = 0; i < 4; i++) {
            signer.authorize(id, hashes, CscClient.SHA256, "00000" + i);
        }
        Sigillum.Reply locked = signer.authorize(id, hashes, CscClient.SHA256, CscClient.PIN);
        assertEquals(wrong.body(), locked.body(), "after five wrong PINs even the right one is refused, silently");
    }

    @Test
    void e5ConcurrentSignersLeaveAnIntactAuditChain() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> signers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                signers.add(executor.submit(() -> {
                    CscClient signer = CscClient.newSigner();
                    String id = signer.newCredential("{\"keyAlgo\":\"EC\"}").get("credentialID").asText();
                    for (int i = 0; i < 3; i++) {
                        List<byte[]> hashes = List.of(Signatures.sha256(Signatures.randomData()));
                        assertEquals(200, signer.signHash(id, signer.sad(id, hashes, CscClient.SHA256), hashes,
                                CscClient.SHA256, ECDSA_SHA256).status());
                    }
                    return null;
                }));
            }
            for (Future<?> signer : signers) {
                signer.get();
            }
        } finally {
            executor.shutdownNow();
        }
        JsonNode verification = Sigillum.operatorGet("/api/v1/audit/verify").json();
        assertTrue(verification.get("intact").asBoolean(), verification.toString());
    }
}
