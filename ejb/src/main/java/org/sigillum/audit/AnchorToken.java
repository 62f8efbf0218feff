package org.sigillum.audit;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;

/**
 * The RFC 3161 side of an anchor, as plain Java: the request over an imprint, the token taken from the answer, and
 * the check of a stored token: it covers this imprint, and it was signed by a TSA certificate that the given CA
 * issued (the built-in TSA's key may have been renewed since).
 */
public final class AnchorToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AnchorToken() {
    }

    public static TimeStampRequest request(byte[] imprint) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        return generator.generate(NISTObjectIdentifiers.id_sha256, imprint, new BigInteger(64, RANDOM));
    }

    /** The DER token of an answer that grants {@code request}; IllegalStateException for anything else. */
    public static byte[] token(TimeStampRequest request, byte[] response) {
        try {
            TimeStampResponse parsed = new TimeStampResponse(response);
            if (parsed.getStatus() != PKIStatus.GRANTED && parsed.getStatus() != PKIStatus.GRANTED_WITH_MODS) {
                throw new IllegalStateException("the TSA refused the anchor: " + parsed.getStatusString());
            }
            parsed.validate(request);
            return parsed.getTimeStampToken().getEncoded();
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("the TSA's answer does not grant the anchor: " + e.getMessage(), e);
        }
    }

    /** The time the token states, or throws {@link InvalidToken} with what is wrong with it. */
    public static Date verify(byte[] token, byte[] imprint, X509Certificate issuer) throws InvalidToken {
        try {
            TimeStampToken parsed = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(token));
            if (!NISTObjectIdentifiers.id_sha256.equals(parsed.getTimeStampInfo().getMessageImprintAlgOID())
                    || !Arrays.equals(parsed.getTimeStampInfo().getMessageImprintDigest(), imprint)) {
                throw new InvalidToken("its time-stamp covers another imprint than "
                        + HexFormat.of().formatHex(imprint));
            }
            Collection<X509CertificateHolder> signers = signerCertificates(parsed);
            if (signers.isEmpty()) {
                throw new InvalidToken("its time-stamp does not carry the TSA's certificate");
            }
            X509CertificateHolder signer = signers.iterator().next();
            if (!signer.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))) {
                throw new InvalidToken("its time-stamp was signed by a certificate that the built-in CA did not issue");
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(signer);
            parsed.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            return parsed.getTimeStampInfo().getGenTime();
        } catch (TSPException | CMSException | IOException | OperatorCreationException | CertificateException
                 | org.bouncycastle.cert.CertException | RuntimeException e) {
            throw new InvalidToken("its time-stamp does not verify: " + e.getMessage());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Collection<X509CertificateHolder> signerCertificates(TimeStampToken token) {
        return token.getCertificates().getMatches((Selector) token.getSID());
    }

    /** Why a stored token does not vouch for its anchor. */
    public static final class InvalidToken extends Exception {
        public InvalidToken(String message) {
            super(message);
        }
    }
}
