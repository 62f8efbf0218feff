package org.sigillum.pki;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.tsp.TimeStampRequest;
import org.junit.jupiter.api.Test;
import org.sigillum.audit.AnchorToken;

/** The RFC 3161 side of audit anchors, against a TSA of a test PKI (here for its package-private responder). */
class AnchorTokenTest {

    private final TestPki pki = new TestPki();
    private final TestPki otherPki = new TestPki();

    private byte[] tokenOver(byte[] imprint, TestPki from) throws Exception {
        TimeStampRequest request = AnchorToken.request(imprint);
        byte[] response = new TimeStampResponder(TimeStampAuthorityBean.DEFAULT_POLICY, 1).respond(request,
                TestPki.signer(from.tsaKey), from.tsa, List.of(from.ca), BigInteger.valueOf(7), new Date());
        return AnchorToken.token(request, response);
    }

    private static X509Certificate issuer(TestPki pki) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(pki.ca);
    }

    @Test
    void e4ATokenOverTheImprintVerifiesAgainstItsIssuer() throws Exception {
        byte[] imprint = new byte[32];
        imprint[0] = 1;
        Date before = new Date(System.currentTimeMillis() - 5000);
        Date at = AnchorToken.verify(tokenOver(imprint, pki), imprint, issuer(pki));
        assertTrue(at.after(before), at.toString());
    }

    @Test
    void e4ATokenOverAnotherImprintIsRefused() throws Exception {
        byte[] token = tokenOver(new byte[32], pki);
        byte[] other = new byte[32];
        other[31] = 1;
        AnchorToken.InvalidToken refused = assertThrows(AnchorToken.InvalidToken.class,
                () -> AnchorToken.verify(token, other, issuer(pki)));
        assertTrue(refused.getMessage().contains("another imprint"), refused.getMessage());
    }

    @Test
    void e4ATokenOfAnotherTsaIsRefused() throws Exception {
        byte[] imprint = new byte[32];
        AnchorToken.InvalidToken refused = assertThrows(AnchorToken.InvalidToken.class,
                () -> AnchorToken.verify(tokenOver(imprint, otherPki), imprint, issuer(pki)));
        assertTrue(refused.getMessage().contains("did not issue"), refused.getMessage());
    }

    @Test
    void e4AGarbledTokenIsRefused() throws Exception {
        byte[] token = tokenOver(new byte[32], pki);
        token[token.length - 3] ^= 1;
        assertThrows(AnchorToken.InvalidToken.class, () -> AnchorToken.verify(token, new byte[32], issuer(pki)));
    }
}
