package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSObjectJSON;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CSC signDoc in each format at level B, every result checked by a verifier other than DSS; and the SAD binds the
 * signature to the digests of the documents the user authorized.
 */
class DocumentSigningIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String RSA_SHA256 = "1.2.840.113549.1.1.11";
    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";
    private static final String RSA = "{\"keyAlgo\":\"RSA\",\"keyLength\":2048}";

    static ObjectNode document(byte[] content, String format, String envelope, String signAlgo) {
        return DocumentSigner.document(content, format, envelope, signAlgo);
    }

    @Test
    void padesIsValidAndCoversTheWholeDocumentForPdfsig() throws Exception {
        for (String[] variant : new String[][] {{RSA, RSA_SHA256, "Revision"}, {EC, ECDSA_SHA256, "Certification"}}) {
            DocumentSigner signer = DocumentSigner.create(variant[0]);
            byte[] signed = signer.sign(TestDocuments.pdf("Contract " + variant[2]), "P", variant[2], variant[1]);
            Path dir = ExternalTools.workspaceWithCaCertificates();
            Files.write(dir.resolve("signed.pdf"), signed);
            ExternalTools.Run pdfsig = ExternalTools.run(dir, "pdfsig", "signed.pdf");
            assertTrue(pdfsig.output().contains("Signature Validation: Signature is Valid."), pdfsig.output());
            assertTrue(pdfsig.output().contains("Total document signed"), pdfsig.output());
            assertTrue(pdfsig.output().contains("ETSI.CAdES.detached"), pdfsig.output());
        }
    }

    @Test
    void cadesAttachedAndDetachedVerifyWithOpensslCms() throws Exception {
        DocumentSigner signer = DocumentSigner.create(RSA);
        byte[] data = Signatures.randomData();
        Path dir = ExternalTools.workspaceWithCaCertificates();
        Files.write(dir.resolve("data.bin"), data);
        Files.write(dir.resolve("attached.p7m"), signer.sign(data, "C", "Attached", RSA_SHA256));
        ExternalTools.Run attached = ExternalTools.run(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER",
                "-in", "attached.p7m", "-CAfile", "chain.pem", "-purpose", "any", "-out", "content.bin");
        assertEquals(0, attached.exit(), attached.output());
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("content.bin")));

        Files.write(dir.resolve("detached.p7s"), signer.sign(data, "C", "Detached", RSA_SHA256));
        ExternalTools.Run detached = ExternalTools.verifyDetachedCms(dir, "detached.p7s", "data.bin");
        assertEquals(0, detached.exit(), detached.output());

        Files.write(dir.resolve("other.bin"), Signatures.randomData());
        ExternalTools.Run wrongContent = ExternalTools.verifyDetachedCms(dir, "detached.p7s", "other.bin");
        assertTrue(wrongContent.exit() != 0, "the detached signature must not fit other content");
    }

    @Test
    void xadesEnvelopedAndEnvelopingVerifyWithXmlsec1() throws Exception {
        DocumentSigner signer = DocumentSigner.create(EC);
        Path dir = ExternalTools.workspaceWithCaCertificates();
        for (String envelope : List.of("Enveloped", "Enveloping")) {
            Files.write(dir.resolve(envelope + ".xml"), signer.sign(TestDocuments.xml("ACME " + envelope), "X", envelope,
                    ECDSA_SHA256));
            ExternalTools.Run xmlsec = ExternalTools.run(dir, "xmlsec1", "--verify", "--trusted-pem", "root.pem",
                    "--untrusted-pem", "issuing.pem", "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties",
                    "--id-attr:Id", "http://www.w3.org/2000/09/xmldsig#:Object", envelope + ".xml");
            assertEquals(0, xmlsec.exit(), envelope + ": " + xmlsec.output());
            assertTrue(xmlsec.output().contains("OK"), xmlsec.output());
        }
        String tampered = Files.readString(dir.resolve("Enveloped.xml")).replace("ACME Enveloped", "ACME Tampered");
        Files.writeString(dir.resolve("tampered.xml"), tampered);
        ExternalTools.Run refused = ExternalTools.run(dir, "xmlsec1", "--verify", "--trusted-pem", "root.pem",
                "--untrusted-pem", "issuing.pem", "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties",
                "tampered.xml");
        assertTrue(refused.exit() != 0, "a tampered document must fail: " + refused.output());
    }

    @Test
    void jadesVerifiesAsAJwsWithTheCertificateKey() throws Exception {
        for (String[] variant : new String[][] {{EC, ECDSA_SHA256}, {RSA, RSA_SHA256}}) {
            DocumentSigner signer = DocumentSigner.create(variant[0]);
            byte[] payload = "{\"order\":42}".getBytes(StandardCharsets.UTF_8);
            JWSObjectJSON jws = JWSObjectJSON.parse(new String(signer.sign(payload, "J", "Attached", variant[1]),
                    StandardCharsets.UTF_8));
            PublicKey key = OAuthFlowIT.certificateKey(signer.client().token, signer.credentialId());
            Set<String> jadesHeaders = Set.of("sigT");
            boolean valid = key instanceof ECPublicKey ec
                    ? jws.getSignatures().get(0).verify(new ECDSAVerifier(ec, jadesHeaders))
                    : jws.getSignatures().get(0).verify(new RSASSAVerifier((RSAPublicKey) key, jadesHeaders));
            assertTrue(valid, "JAdES signature must verify");
            assertArrayEquals(payload, jws.getPayload().toBytes());
        }
    }

    @Test
    void severalDocumentsInSeveralFormatsUnderOneSad() throws Exception {
        DocumentSigner signer = DocumentSigner.create(EC);
        byte[] pdf = TestDocuments.pdf("First");
        byte[] xml = TestDocuments.xml("Second");
        Sigillum.Reply reply = signer.signDoc(signer.sadFor(pdf, xml), document(pdf, "P", "Revision", ECDSA_SHA256),
                document(xml, "X", "Enveloped", ECDSA_SHA256));
        assertEquals(200, reply.status(), reply.body());
        assertEquals(2, reply.json().get("DocumentWithSignature").size());
    }

    @Test
    void a2DocumentsOtherThanTheAuthorizedOnesAreRefused() throws Exception {
        DocumentSigner signer = DocumentSigner.create(EC);
        byte[] authorized = TestDocuments.xml("authorized");
        byte[] other = TestDocuments.xml("substituted");
        String sad = signer.sadFor(authorized);
        ApiErrors.assertError(signer.signDoc(sad, document(other, "X", "Enveloped", ECDSA_SHA256)), 403, "invalid_hash");
        ApiErrors.assertError(signer.signDoc(sad, document(authorized, "X", "Enveloped", ECDSA_SHA256)), 400,
                "invalid_request");
    }

    @Test
    void anUnreadableDocumentIsRefusedBeforeTheSadIsSpent() throws Exception {
        DocumentSigner signer = DocumentSigner.create(EC);
        byte[] notAPdf = "this is not a PDF".getBytes(StandardCharsets.UTF_8);
        String sad = signer.sadFor(notAPdf);
        Sigillum.Reply refused = signer.signDoc(sad, document(notAPdf, "P", "Revision", ECDSA_SHA256));
        ApiErrors.assertError(refused, 400, "invalid_request");
        Sigillum.Reply signed = signer.signDoc(sad, document(notAPdf, "C", "Attached", ECDSA_SHA256));
        assertEquals(200, signed.status(), "the refused attempt left the SAD unspent: " + signed.body());
    }

    @Test
    void malformedRequestsGetCleanErrors() throws Exception {
        DocumentSigner signer = DocumentSigner.create(EC);
        byte[] xml = TestDocuments.xml("x");
        ApiErrors.assertError(signer.signDoc(signer.sadFor(xml), document(xml, "Q", "Enveloped", ECDSA_SHA256)), 400,
                "invalid_request");
        ApiErrors.assertError(signer.signDoc(signer.sadFor(xml), document(xml, "X", "Attached", ECDSA_SHA256)), 400,
                "invalid_request");
        ApiErrors.assertError(signer.signDoc(signer.sadFor(xml), document(xml, "X", "Enveloped", RSA_SHA256)), 400,
                "invalid_request");
        ObjectNode notBase64 = document(xml, "X", "Enveloped", ECDSA_SHA256).put("document", "%%%");
        ApiErrors.assertError(signer.signDoc(signer.sadFor(xml), notBase64), 400, "invalid_request");
        ApiErrors.assertError(signer.client().call("signatures/signDoc", Sigillum.object().put("credentialID",
                signer.credentialId())), 400, "invalid_request");
    }
}
