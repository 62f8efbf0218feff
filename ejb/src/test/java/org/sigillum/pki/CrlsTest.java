package org.sigillum.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;

class CrlsTest {

    @Test
    void listsRevokedSerialsWithReasonsAndIsSignedByTheCa() throws Exception {
        TestPki pki = new TestPki();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509CRLHolder crl = Crls.build(pki.ca, TestPki.signer(pki.caKey), BigInteger.valueOf(7), now, now.plusSeconds(3600),
                List.of(new RevokedEntry(BigInteger.valueOf(11), now.minusSeconds(5), CRLReason.keyCompromise),
                        new RevokedEntry(BigInteger.valueOf(12), now.minusSeconds(4), CRLReason.unspecified)));
        assertTrue(crl.isSignatureValid(new JcaContentVerifierProviderBuilder().build(pki.ca)));
        assertEquals(pki.ca.getSubject(), crl.getIssuer());
        assertEquals(now, crl.getThisUpdate().toInstant());
        assertEquals(now.plusSeconds(3600), crl.getNextUpdate().toInstant());
        assertEquals(BigInteger.valueOf(7), CRLNumber.getInstance(crl.getExtension(Extension.cRLNumber).getParsedValue())
                .getCRLNumber());
        X509CRLEntryHolder compromised = crl.getRevokedCertificate(BigInteger.valueOf(11));
        assertEquals(now.minusSeconds(5), compromised.getRevocationDate().toInstant());
        assertEquals(CRLReason.lookup(CRLReason.keyCompromise),
                CRLReason.getInstance(compromised.getExtensions().getExtension(Extension.reasonCode).getParsedValue()));
        assertNull(crl.getRevokedCertificate(BigInteger.valueOf(12)).getExtensions(),
                "RFC 5280: no reason code rather than unspecified");
        assertNull(crl.getRevokedCertificate(BigInteger.valueOf(13)));
    }
}
