package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Checklist D6 for {@code POST /api/v1/signatures/extend}: a document that is not a valid XAdES or JAdES
 * signature is the caller's mistake, a 400 that says why, never a 500. The server this was found on answered 500.
 */
class SignatureExtensionInputIT {

    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    @Test
    void d6InvalidXadesIsABadRequestWithTheReason() {
        String[] documents = {
            "<doc>no signature here</doc>",
            "<ds:Signature xmlns:ds=\"" + DSIG + "\"><ds:SignedInfo/></ds:Signature>",
            "<ds:Signature xmlns:ds=\"" + DSIG + "\" Id=\"s\"><ds:SignedInfo>"
                    + "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
                    + "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256\"/>"
                    + "<ds:Reference URI=\"\"><ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>"
                    + "<ds:DigestValue>AAAA</ds:DigestValue></ds:Reference></ds:SignedInfo>"
                    + "<ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>",
            "not xml at all",
        };
        for (String document : documents) {
            assertBadRequest(document, "X");
        }
    }

    @Test
    void d6InvalidJadesIsABadRequestWithTheReason() {
        String[] documents = {
            "{}",
            "{\"payload\":\"e30\",\"signatures\":[{\"protected\":\"eyJhbGciOiJFUzI1NiJ9\",\"signature\":\"AAAA\"}]}",
            "eyJhbGciOiJFUzI1NiJ9.e30.AAAA",
            "eyJhbGciOiJub25lIn0.e30.",
            "{\"payload\":",
        };
        for (String document : documents) {
            assertBadRequest(document, "J");
        }
    }

    /**
     * A signature that names a real certificate but whose value does not verify: the one that reached DSS's
     * augmentation and came back as a 500 (an AlertException, which is no DSSException).
     */
    @Test
    void d6SignatureThatDoesNotVerifyIsABadRequestWithTheReason() {
        String certificate = Base64.getEncoder().encodeToString(Sigillum.getBytes("/ca/root.crt"));
        assertBadRequest("<ds:Signature xmlns:ds=\"" + DSIG + "\" Id=\"s\"><ds:SignedInfo>"
                + "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
                + "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256\"/>"
                + "<ds:Reference URI=\"\"><ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>"
                + "<ds:DigestValue>AAAA</ds:DigestValue></ds:Reference></ds:SignedInfo>"
                + "<ds:SignatureValue>AAAA</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + certificate
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>", "X");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"alg\":\"ES256\",\"x5c\":[\""
                + certificate + "\"]}").getBytes(StandardCharsets.UTF_8));
        assertBadRequest("{\"payload\":\"e30\",\"signatures\":[{\"protected\":\"" + header
                + "\",\"signature\":\"AAAA\"}]}", "J");
    }

    private static void assertBadRequest(String document, String format) {
        ObjectNode body = Sigillum.object().put("signedDocument", Base64.getEncoder().encodeToString(
                document.getBytes(StandardCharsets.UTF_8))).put("signature_format", format)
                .put("conformance_level", "AdES-B-T");
        Sigillum.Reply reply = Sigillum.post("/api/v1/signatures/extend", "application/json", body.toString(),
                Sigillum.operatorToken());
        ApiErrors.assertError(reply, 400, "invalid_request");
        JsonNode error = reply.json();
        assertTrue(error.get("error_description").asText().length() > 20, "the reason is given: " + reply.body());
    }
}
