package org.sigillum.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.sigillum.asn1.BerNesting;

/**
 * RFC 6960 responses for one issuing CA, signed by that CA's own key (RFC 6960 4.2.2.2 allows it, and it
 * spares relying parties the delegated responder's certificate and its ocsp-nocheck question). Plain Java.
 */
final class OcspResponder {

    /** How long a relying party may rely on an answer; revocations show at once to those who ask afresh. */
    static final Duration VALIDITY = Duration.ofHours(1);
    /** A request names a handful of certificates; a long list is a way to make the responder work for nothing. */
    static final int MAX_CERTIFICATES = 16;

    private final X509CertificateHolder issuer;
    private final DigestCalculatorProvider digests;

    OcspResponder(X509CertificateHolder issuer) {
        this.issuer = issuer;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The DER OCSPResponse to a DER OCSPRequest: malformedRequest for what does not parse, unauthorized when a
     * certificate is not of this CA (the responder is authoritative for nothing else), else a signed status
     * per certificate, with the request's nonce echoed.
     */
    byte[] respond(byte[] request, Function<BigInteger, CertificateState> register, Supplier<ContentSigner> signer,
                   Instant now) throws IOException, OCSPException {
        OCSPReq parsed = parse(request);
        if (parsed == null) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        Req[] requests = parsed.getRequestList();
        if (requests.length == 0 || requests.length > MAX_CERTIFICATES) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(issuer.getSubjectPublicKeyInfo(), sha1()));
        Date thisUpdate = Date.from(now);
        Date nextUpdate = Date.from(now.plus(VALIDITY));
        for (Req one : requests) {
            CertificateID id = one.getCertID();
            if (!ofThisIssuer(id)) {
                return status(OCSPRespBuilder.UNAUTHORIZED);
            }
            builder.addResponse(id, status(register.apply(id.getSerialNumber())), thisUpdate, nextUpdate, null);
        }
        Extension nonce = parsed.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(nonce));
        }
        BasicOCSPResp basic = builder.build(signer.get(), new X509CertificateHolder[] {issuer}, thisUpdate);
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    }

    /** RFC 6960 4.2.1: the responder's key hash is SHA-1, whatever the rest uses. */
    private org.bouncycastle.operator.DigestCalculator sha1() {
        try {
            return digests.get(RespID.HASH_SHA1);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OCSPReq parse(byte[] request) {
        if (BerNesting.tooDeep(request)) {
            return null;
        }
        try {
            return new OCSPReq(request);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private boolean ofThisIssuer(CertificateID id) {
        try {
            return id.matchesIssuer(issuer, digests);
        } catch (OCSPException | RuntimeException e) {
            return false;
        }
    }

    private static CertificateStatus status(CertificateState state) {
        return switch (state.kind()) {
            case GOOD -> CertificateStatus.GOOD;
            case UNKNOWN -> new UnknownStatus();
            case REVOKED -> state.reason() == CRLReason.unspecified ? new RevokedStatus(Date.from(state.revokedAt()))
                    : new RevokedStatus(Date.from(state.revokedAt()), state.reason());
        };
    }

    private static byte[] status(int responseStatus) throws IOException, OCSPException {
        OCSPResp response = new OCSPRespBuilder().build(responseStatus, null);
        return response.getEncoded();
    }
}
