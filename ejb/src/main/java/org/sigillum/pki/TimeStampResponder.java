package org.sigillum.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIFreeText;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.util.CollectionStore;
import org.sigillum.asn1.BerNesting;

/**
 * RFC 3161 responses of the built-in TSA, with Bouncy Castle's generators. Imprints of SHA-256, SHA-384 and
 * SHA-512 only: SHA-1 and anything weaker get a rejection with failInfo badAlg, as do unknown policies
 * (unacceptedPolicy) and request extensions (unacceptedExtension, since none is supported). Plain Java.
 */
final class TimeStampResponder {

    static final Set<ASN1ObjectIdentifier> ACCEPTED_DIGESTS = Set.of(NISTObjectIdentifiers.id_sha256,
            NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512);

    private final ASN1ObjectIdentifier policy;
    private final int accuracySeconds;
    private final DigestCalculatorProvider digests;

    TimeStampResponder(String policyOid, int accuracySeconds) {
        this.policy = new ASN1ObjectIdentifier(policyOid);
        this.accuracySeconds = accuracySeconds;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request, or null when it is not a DER TimeStampReq. */
    static TimeStampRequest parse(byte[] request) {
        if (BerNesting.tooDeep(request)) {
            return null;
        }
        try {
            return new TimeStampRequest(request);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A rejection that carries no token and needs no key: for requests that do not even parse. */
    static byte[] rejection(int failInfo, String text) throws IOException {
        return new TimeStampResp(new PKIStatusInfo(PKIStatus.rejection, new PKIFreeText(text),
                new PKIFailureInfo(failInfo)), null).getEncoded();
    }

    /**
     * The DER TimeStampResp to a parsed request: a token signed by {@code signer} under {@code tsa}'s certificate
     * (which, with {@code chain}, is included when the request sets certReq), or a rejection. The signer is used
     * only when the request is granted.
     */
    byte[] respond(TimeStampRequest request, ContentSigner signer, X509CertificateHolder tsa,
                   List<X509CertificateHolder> chain, BigInteger serialNumber, Date genTime)
            throws TSPException, IOException, OperatorCreationException {
        try {
            request.validate(ACCEPTED_DIGESTS, Set.of(policy), Set.of());
        } catch (TSPValidationException e) {
            return rejection(e.getFailureCode(), e.getMessage());
        }
        SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(digests).build(signer, tsa);
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signerInfo,
                digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), policy);
        tokens.setAccuracySeconds(accuracySeconds);
        tokens.setTSA(new GeneralName(tsa.getSubject()));
        List<X509CertificateHolder> certificates = new ArrayList<>();
        certificates.add(tsa);
        certificates.addAll(chain);
        tokens.addCertificates(new CollectionStore<>(certificates));
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, ACCEPTED_DIGESTS, Set.of(policy),
                Set.of());
        return responses.generateGrantedResponse(request, serialNumber, genTime).getEncoded();
    }
}
