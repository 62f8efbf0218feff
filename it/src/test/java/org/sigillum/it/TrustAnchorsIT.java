package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

/**
 * Validation trusts the built-in root and the anchors the operator adds: a CAdES signature under another CA has
 * no trusted chain until that CA's root is added, and none again once it is removed.
 */
class TrustAnchorsIT {

    @Test
    void anOperatorAnchorMakesAnotherCasChainTrusted() throws Exception {
        OtherCa other = OtherCa.create("Other Root");
        X509CertificateHolder ca = other.root;
        byte[] cms = other.cades("contract".getBytes(java.nio.charset.StandardCharsets.UTF_8), false);

        assertEquals("NO_CERTIFICATE_CHAIN_FOUND", subIndication(cms));
        Sigillum.Reply added = Sigillum.operatorPost("/api/v1/trust-anchors",
                Sigillum.object().put("certificate", Base64.getEncoder().encodeToString(ca.getEncoded())));
        assertEquals(201, added.status(), added.body());
        String id = added.json().get("id").asText();
        assertNotEquals("NO_CERTIFICATE_CHAIN_FOUND", subIndication(cms), "the chain is found once its root is trusted");
        assertEquals(204, Sigillum.delete("/api/v1/trust-anchors/" + id).status());
        assertEquals("NO_CERTIFICATE_CHAIN_FOUND", subIndication(cms));

        ApiErrors.assertError(Sigillum.operatorPost("/api/v1/trust-anchors", Sigillum.object().put("certificate", "AAAA")),
                400, "invalid_request");
        ApiErrors.assertError(Sigillum.post("/api/v1/trust-anchors", "application/json", "{}", null), 401, "invalid_token");
    }

    private static String subIndication(byte[] signed) {
        JsonNode signature = SignatureValidationIT.validate(signed, null).get("signatures").get(0);
        return signature.path("subIndication").asText();
    }
}
