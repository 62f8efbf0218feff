package org.sigillum.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.asn1.BerNesting;

/**
 * Whether a token from an external TSA may be embedded (checklist D7): signed by the certificate it names, that
 * certificate for time-stamping only, chained to a trust anchor of this server (the built-in root or an operator's
 * anchor), and its time within a few minutes of ours.
 */
final class TimestampTrust {

    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private TimestampTrust() {
    }

    static void check(byte[] token, List<X509Certificate> anchors, Instant now) throws ServiceException {
        if (BerNesting.tooDeep(token)) {
            throw refused("the token nests too deeply");
        }
        try {
            TimeStampToken parsed = new TimeStampToken(new CMSSignedData(token));
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> signers = parsed.getCertificates().getMatches(parsed.getSID());
            if (signers.isEmpty()) {
                throw refused("the token does not carry its signer's certificate");
            }
            X509CertificateHolder signer = signers.iterator().next();
            // checks the signature, and that the certificate is for time-stamping only and valid at the token's time
            parsed.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
            Instant time = parsed.getTimeStampInfo().getGenTime().toInstant();
            if (Duration.between(time, now).abs().compareTo(MAX_SKEW) > 0) {
                throw refused("the token's time is " + time + ", too far from now");
            }
            requireChain(signer, parsed, anchors, time);
        } catch (TSPException | CMSException | OperatorCreationException | java.io.IOException
                 | java.security.cert.CertificateException e) {
            throw refused("the token does not verify: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static void requireChain(X509CertificateHolder signer, TimeStampToken token, List<X509Certificate> anchors,
                                     Instant at) throws ServiceException {
        try {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            List<X509Certificate> path = new ArrayList<>();
            path.add(converter.getCertificate(signer));
            for (X509CertificateHolder other : (Collection<X509CertificateHolder>) token.getCertificates().getMatches(null)) {
                if (!other.equals(signer) && anchors.stream().noneMatch(a -> sameCertificate(a, other))) {
                    path.add(converter.getCertificate(other));
                }
            }
            Set<TrustAnchor> trusted = anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet());
            if (trusted.isEmpty()) {
                throw refused("no trust anchor is configured");
            }
            PKIXParameters parameters = new PKIXParameters(trusted);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (GeneralSecurityException e) {
            throw refused("the time-stamping authority is not trusted: " + e.getMessage());
        }
    }

    private static boolean sameCertificate(X509Certificate anchor, X509CertificateHolder other) {
        try {
            return java.util.Arrays.equals(anchor.getEncoded(), other.getEncoded());
        } catch (GeneralSecurityException | java.io.IOException e) {
            return false;
        }
    }

    private static ServiceException refused(String message) {
        return new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "external time-stamp refused: " + message);
    }
}
