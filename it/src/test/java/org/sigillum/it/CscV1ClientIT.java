package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A CSC v1.0.4.0 client as the v1 specification describes one (pyHanko's CSC signer, laverca, SetaPDF speak it):
 * auth/login with HTTP Basic, credentials/list with paging, credentials/info with authMode and PIN/OTP objects,
 * credentials/authorize with {@code PIN}, {@code OTP} and {@code hash[]}, sendOTP, signHash with {@code hash[]}
 * and {@code hashAlgo}, each signature checked with JCA. The v1 paths share the v2 services and the SAM's rules:
 * a SAD is spent once whichever version spends it.
 */
class CscV1ClientIT {

    private static final String V1 = "/csc/v1/";
    private static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A v1 client session: the service token auth/login returned. */
    private record V1Client(String userId, String token) {

        static V1Client login() {
            String name = "v1-" + UUID.randomUUID();
            String userId = Sigillum.createUser(name, CscClient.PASSWORD, CscClient.PIN);
            String basic = Base64.getEncoder().encodeToString((name + ":" + CscClient.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            Sigillum.Reply login = send(HttpRequest.newBuilder(URI.create(Sigillum.url(V1 + "auth/login")))
                    .header("Content-Type", "application/json").header("Authorization", "Basic " + basic)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"rememberMe\":false}")).build());
            assertEquals(200, login.status(), login.body());
            return new V1Client(userId, login.json().get("access_token").asText());
        }

        Sigillum.Reply call(String method, ObjectNode body) {
            return Sigillum.post(V1 + method, "application/json", body.toString(), token);
        }

        String credential(String spec) {
            Sigillum.Reply reply = Sigillum.operatorPost("/api/v1/users/" + userId + "/credentials", spec);
            assertEquals(201, reply.status(), reply.body());
            return reply.json().get("credentialID").asText();
        }

        Sigillum.Reply authorize(String credentialId, List<byte[]> hashes, String pin, String otp) {
            ObjectNode body = Sigillum.object().put("credentialID", credentialId).put("numSignatures", hashes.size());
            hashes.forEach(h -> body.withArray("hash").add(Base64.getEncoder().encodeToString(h)));
            if (pin != null) {
                body.put("PIN", pin);
            }
            if (otp != null) {
                body.put("OTP", otp);
            }
            return call("credentials/authorize", body);
        }

        Sigillum.Reply signHash(String credentialId, String sad, List<byte[]> hashes, String hashAlgo, String signAlgo) {
            ObjectNode body = Sigillum.object().put("credentialID", credentialId).put("SAD", sad).put("signAlgo", signAlgo);
            if (hashAlgo != null) {
                body.put("hashAlgo", hashAlgo);
            }
            hashes.forEach(h -> body.withArray("hash").add(Base64.getEncoder().encodeToString(h)));
            return call("signatures/signHash", body);
        }

        X509Certificate certificate(String credentialId) throws Exception {
            Sigillum.Reply info = call("credentials/info", Sigillum.object().put("credentialID", credentialId));
            assertEquals(200, info.status(), info.body());
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(
                    Base64.getDecoder().decode(info.json().get("cert").get("certificates").get(0).asText())));
        }
    }

    private static Sigillum.Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Sigillum.Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<byte[]> data(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Signatures.randomData());
        }
        return out;
    }

    private static List<byte[]> sha256(List<byte[]> data) throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (byte[] d : data) {
            out.add(Signatures.sha256(d));
        }
        return out;
    }

    @Test
    void infoHasTheV1ShapeAndMethodNames() {
        Sigillum.Reply reply = Sigillum.postJson(V1 + "info", "{}");
        assertEquals(200, reply.status(), reply.body());
        JsonNode info = reply.json();
        assertEquals("1.0.4.0", info.get("specs").asText());
        List<String> methods = InfoIT.texts(info.get("methods"));
        assertEquals(List.of("info", "auth/login", "auth/revoke", "credentials/list", "credentials/info",
                "credentials/authorize", "credentials/extendTransaction", "credentials/sendOTP", "signatures/signHash",
                "signatures/timestamp"), methods);
        assertEquals(List.of("basic", "oauth2code"), InfoIT.texts(info.get("authType")));
        assertEquals(Sigillum.env("SIGILLUM_PUBLIC_URL") + "/csc/v2", info.get("oauth2").asText(),
                "the authorization server's base URI, without a trailing slash");
        assertFalse(info.has("oauth2Issuer") || info.has("signature_formats"), "no v2-only fields: " + info);
        assertEquals("de", Sigillum.get(V1 + "info?lang=de", null).json().get("lang").asText());
    }

    @Test
    void listInfoAuthorizeWithPinAndSignHashesWithHashAndHashAlgo() throws Exception {
        V1Client client = V1Client.login();
        String ec = client.credential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}");
        String rsa = client.credential("{\"keyAlgo\":\"RSA\",\"keyLength\":2048}");

        JsonNode first = client.call("credentials/list", Sigillum.object().put("maxResults", 1)).json();
        assertEquals(List.of(ec), InfoIT.texts(first.get("credentialIDs")));
        JsonNode second = client.call("credentials/list", Sigillum.object().put("maxResults", 1)
                .put("pageToken", first.get("nextPageToken").asText())).json();
        assertEquals(List.of(rsa), InfoIT.texts(second.get("credentialIDs")));
        assertFalse(second.has("nextPageToken"), second.toString());
        ApiErrors.assertError(client.call("credentials/list", Sigillum.object().put("pageToken", "nonsense")), 400,
                "invalid_request");

        Sigillum.Reply info = client.call("credentials/info", Sigillum.object().put("credentialID", ec)
                .put("certInfo", true).put("authInfo", true));
        assertEquals(200, info.status(), info.body());
        JsonNode credential = info.json();
        assertEquals("explicit", credential.get("authMode").asText());
        assertEquals("true", credential.get("PIN").get("presence").asText());
        assertEquals("N", credential.get("PIN").get("format").asText());
        assertFalse(credential.has("OTP"), "no OTP without an authenticator: " + credential);
        assertFalse(credential.has("auth"), "v2's auth object is not part of v1: " + credential);
        assertEquals("1.2.840.10045.3.1.7", credential.get("key").get("curve").asText());
        assertEquals("enabled", credential.get("key").get("status").asText());
        assertEquals("valid", credential.get("cert").get("status").asText());
        assertTrue(credential.get("multisign").asInt() >= 1);
        assertEquals(client.certificate(ec).getSerialNumber().toString(16),
                credential.get("cert").get("serialNumber").asText().toLowerCase(java.util.Locale.ROOT));

        List<byte[]> data = data(2);
        List<byte[]> hashes = sha256(data);
        Sigillum.Reply authorized = client.authorize(ec, hashes, CscClient.PIN, null);
        assertEquals(200, authorized.status(), authorized.body());
        String sad = authorized.json().get("SAD").asText();
        assertTrue(authorized.json().get("expiresIn").asLong() > 0);
        Sigillum.Reply signed = client.signHash(ec, sad, hashes, SHA256, ECDSA_SHA256);
        assertEquals(200, signed.status(), signed.body());
        PublicKey key = client.certificate(ec).getPublicKey();
        for (int i = 0; i < 2; i++) {
            assertTrue(Signatures.verify(key, ECDSA_SHA256, data.get(i), signed.json().get("signatures").get(i).asText()));
        }

        // RSA: hashAlgo omitted with sha256WithRSAEncryption, as v1 allows, and rsaEncryption with hashAlgo
        List<byte[]> rsaData = data(1);
        List<byte[]> rsaHashes = sha256(rsaData);
        Sigillum.Reply rsaSigned = client.signHash(rsa, client.authorize(rsa, rsaHashes, CscClient.PIN, null).json()
                .get("SAD").asText(), rsaHashes, null, SHA256_WITH_RSA);
        assertEquals(200, rsaSigned.status(), rsaSigned.body());
        PublicKey rsaKey = client.certificate(rsa).getPublicKey();
        assertTrue(Signatures.verify(rsaKey, SHA256_WITH_RSA, rsaData.get(0),
                rsaSigned.json().get("signatures").get(0).asText()));
        Sigillum.Reply pkcs1 = client.signHash(rsa, client.authorize(rsa, rsaHashes, CscClient.PIN, null).json()
                .get("SAD").asText(), rsaHashes, SHA256, RSA_ENCRYPTION);
        assertEquals(200, pkcs1.status(), pkcs1.body());
        assertTrue(Signatures.verify(rsaKey, SHA256_WITH_RSA, rsaData.get(0), pkcs1.json().get("signatures").get(0).asText()));
    }

    @Test
    void a1a2TheV1PathsKeepTheSamRules() throws Exception {
        V1Client client = V1Client.login();
        String ec = client.credential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}");
        List<byte[]> hashes = sha256(data(1));
        String sad = client.authorize(ec, hashes, CscClient.PIN, null).json().get("SAD").asText();
        assertEquals(200, client.signHash(ec, sad, hashes, SHA256, ECDSA_SHA256).status());
        ApiErrors.assertError(client.signHash(ec, sad, hashes, SHA256, ECDSA_SHA256), 400, "invalid_request");

        String other = client.authorize(ec, hashes, CscClient.PIN, null).json().get("SAD").asText();
        ApiErrors.assertError(client.signHash(ec, other, sha256(data(1)), SHA256, ECDSA_SHA256), 403, "invalid_hash");

        ApiErrors.assertError(client.authorize(ec, hashes, "000000", null), 400, "invalid_authentication_data");
        ApiErrors.assertError(client.authorize(ec, List.of(), CscClient.PIN, null), 400, "invalid_request");
    }

    @Test
    void aSadAuthorizedOnV1IsSpentOnceAcrossBothVersions() throws Exception {
        V1Client client = V1Client.login();
        String ec = client.credential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}");
        List<byte[]> data = data(1);
        List<byte[]> hashes = sha256(data);
        String sad = client.authorize(ec, hashes, CscClient.PIN, null).json().get("SAD").asText();
        ObjectNode v2 = Sigillum.object().put("credentialID", ec).put("SAD", sad).put("signAlgo", ECDSA_SHA256)
                .put("hashAlgorithmOID", SHA256);
        v2.withArray("hashes").add(Base64.getEncoder().encodeToString(hashes.get(0)));
        Sigillum.Reply signed = Sigillum.post("/csc/v2/signatures/signHash", "application/json", v2.toString(),
                client.token());
        assertEquals(200, signed.status(), signed.body());
        ApiErrors.assertError(client.signHash(ec, sad, hashes, SHA256, ECDSA_SHA256), 400, "invalid_request");
    }

    @Test
    void sendOtpThenAuthorizeWithPinAndOtpStrings() throws Exception {
        V1Client client = V1Client.login();
        String ec = client.credential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}");
        ApiErrors.assertError(client.call("credentials/sendOTP", Sigillum.object().put("credentialID", ec)), 400,
                "invalid_request");
        Sigillum.Reply enrolled = Sigillum.operatorPost("/api/v1/users/" + client.userId() + "/authenticators/totp", "{}");
        assertEquals(201, enrolled.status(), enrolled.body());
        TotpAuthenticator authenticator = new TotpAuthenticator(enrolled.json().get("secret").asText());

        JsonNode info = client.call("credentials/info", Sigillum.object().put("credentialID", ec).put("authInfo", true))
                .json();
        assertEquals("true", info.get("OTP").get("presence").asText(), info.toString());
        assertEquals("offline", info.get("OTP").get("type").asText());
        assertEquals("OTP", info.get("OTP").get("ID").asText());

        Sigillum.Reply sent = client.call("credentials/sendOTP", Sigillum.object().put("credentialID", ec));
        assertEquals(204, sent.status(), sent.body());
        ApiErrors.assertError(client.call("credentials/sendOTP", Sigillum.object().put("credentialID", "no-such")), 400,
                "invalid_request");

        List<byte[]> data = data(1);
        List<byte[]> hashes = sha256(data);
        Sigillum.Reply authorized = client.authorize(ec, hashes, CscClient.PIN, authenticator.now());
        assertEquals(200, authorized.status(), authorized.body());
        Sigillum.Reply signed = client.signHash(ec, authorized.json().get("SAD").asText(), hashes, SHA256, ECDSA_SHA256);
        assertEquals(200, signed.status(), signed.body());
        assertTrue(Signatures.verify(client.certificate(ec).getPublicKey(), ECDSA_SHA256, data.get(0),
                signed.json().get("signatures").get(0).asText()));
    }

    @Test
    void c7AnotherUsersCredentialIsUnknownOnV1Too() {
        V1Client owner = V1Client.login();
        String ec = owner.credential("{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}");
        V1Client other = V1Client.login();
        ApiErrors.assertError(other.call("credentials/info", Sigillum.object().put("credentialID", ec)), 400,
                "invalid_request");
        assertEquals(List.of(), InfoIT.texts(other.call("credentials/list", Sigillum.object()).json()
                .get("credentialIDs")));
        ApiErrors.assertError(Sigillum.post(V1 + "credentials/list", "application/json", "{}", null), 401,
                "invalid_token");
    }

    @Test
    void timestampWithHashAndHashAlgo() throws Exception {
        V1Client client = V1Client.login();
        Sigillum.Reply reply = client.call("signatures/timestamp", Sigillum.object()
                .put("hash", Base64.getEncoder().encodeToString(Signatures.sha256(Signatures.randomData())))
                .put("hashAlgo", SHA256).put("nonce", "0123abcd"));
        assertEquals(200, reply.status(), reply.body());
        assertNotNull(reply.json().get("timestamp"));
        assertNull(reply.json().get("error"));
        Sigillum.Reply revoked = client.call("auth/revoke", Sigillum.object().put("token", client.token()));
        assertEquals(204, revoked.status(), revoked.body());
    }
}
