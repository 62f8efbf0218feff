package org.sigillum.documents;

import org.sigillum.api.tenancy.GroupPolicy;
import org.sigillum.tenancy.GroupPolicies;
import eu.europa.esig.dss.enumerations.SignatureLevel;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.spi.DSSASN1Utils;
import eu.europa.esig.dss.spi.DSSUtils;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.enrollment.Enrollment;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.keys.CredentialEntity;

/**
 * What every document of one signing call shares: the signer's certificate chain, the HSM's scheme and the signing
 * time, fixed once before any data to be signed is computed so that every signature of the call is made under
 * identical parameters.
 */
final class SigningSetup {

    private final SignatureScheme scheme;
    private final List<CertificateToken> chain;
    private final Date signingTime;
    private final GroupPolicy policy;

    private SigningSetup(SignatureScheme scheme, List<CertificateToken> chain, Date signingTime, GroupPolicy policy) {
        this.policy = policy;
        this.scheme = scheme;
        this.chain = chain;
        this.signingTime = signingTime;
    }

    /** @param policy the policy of the signer's group, which every signature of the call must satisfy */
    static SigningSetup of(CredentialEntity credential, Enrollment enrollment, SignatureScheme scheme,
                           GroupPolicy policy)
            throws ServiceException {
        DssAlgorithms.encryption(scheme);
        if (credential.certificate() == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "the credential has no certificate");
        }
        List<CertificateToken> chain = new ArrayList<>();
        chain.add(DSSUtils.loadCertificate(credential.certificate()));
        for (byte[] ca : enrollment.connector().caChain()) {
            chain.add(DSSUtils.loadCertificate(ca));
        }
        return new SigningSetup(scheme, chain, Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)), policy);
    }

    /**
     * Sets the level, algorithms, certificates and signing time on a format's parameters: every document signature
     * of every API passes here, so here the group's allowed formats and levels are enforced.
     */
    void apply(AbstractSignatureParameters<?> parameters, DocumentFormat format, String conformanceLevel)
            throws ServiceException {
        SignatureLevel level = format.level(conformanceLevel);
        GroupPolicies.requireSignature(policy, level);
        parameters.setSignatureLevel(level);
        parameters.setDigestAlgorithm(digest());
        parameters.setEncryptionAlgorithm(DssAlgorithms.encryption(scheme));
        parameters.setSigningCertificate(chain.get(0));
        parameters.setCertificateChain(chain);
        parameters.bLevel().setSigningDate(signingTime);
    }

    SignatureScheme scheme() {
        return scheme;
    }

    DigestAlgorithm digest() {
        return DssAlgorithms.digest(scheme);
    }

    SignatureAlgorithm algorithm() throws ServiceException {
        return DssAlgorithms.signature(scheme);
    }

    /** The signer's certificate first, then its CA chain up to the root. */
    List<CertificateToken> chain() {
        return List.copyOf(chain);
    }

    Date signingTime() {
        return signingTime;
    }

    /** The name a visible signature shows: the certificate's common name, or its whole subject. */
    String signerName() {
        return DSSASN1Utils.getHumanReadableName(chain.get(0));
    }
}
