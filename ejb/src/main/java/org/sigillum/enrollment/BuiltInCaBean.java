package org.sigillum.enrollment;

import jakarta.annotation.Resource;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.HsmFailures;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.CaCertificates;
import org.sigillum.hsm.EcCurve;
import org.sigillum.hsm.GeneratedKey;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.KeyBinding;
import org.sigillum.hsm.KeySpec;
import org.sigillum.hsm.WrappedKey;
import org.sigillum.settings.ServiceSettings;

/**
 * The built-in two-level CA of the embedded default: a root and an issuing CA with EC P-384 keys generated in
 * the HSM, created once, and end-entity certificates issued under the issuing CA. The time-stamping
 * authority's key is made the same way and certified by the issuing CA. Every certificate issued is entered in
 * the register that OCSP and the CRLs answer from.
 */
@Stateless
@LocalBean
@Local({CaConnector.class, CaCertificates.class})
public class BuiltInCaBean implements CaConnector, CaCertificates {

    static final String ID = "built-in";
    public static final String ROOT = "root";
    public static final String ISSUING = "issuing";
    public static final String TSA = "tsa";
    private static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365);
    private static final Duration ISSUING_VALIDITY = Duration.ofDays(10 * 365);
    private static final Duration TSA_VALIDITY = Duration.ofDays(5 * 365);

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;

    @Inject
    ServiceSettings settings;
    @Inject
    @ConfigProperty(name = "sigillum.ca.validity-days", defaultValue = "730")
    long validityDays;

    @Override
    public String id() {
        return ID;
    }

    /** Creates the root and issuing CA when they do not exist yet. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ensureHierarchy() throws ServiceException {
        if (em.find(CaKeyEntity.class, ISSUING) != null) {
            return;
        }
        try {
            CaKeyEntity root = em.find(CaKeyEntity.class, ROOT);
            Instant now = Instant.now();
            if (root == null) {
                GeneratedKey key = generate(ROOT);
                X509CertificateHolder certificate = Certificates.root(Certificates.caName("Sigillum Root CA"),
                        SubjectPublicKeyInfo.getInstance(key.subjectPublicKeyInfo()), now, ROOT_VALIDITY,
                        new HsmContentSigner(hsm, key.wrappedKey()));
                root = new CaKeyEntity(ROOT, key.wrappedKey(), certificate.getEncoded(), now);
                em.persist(root);
            }
            GeneratedKey key = generate(ISSUING);
            X509CertificateHolder certificate = Certificates.subCa(new X509CertificateHolder(root.certificate()),
                    Certificates.caName("Sigillum Issuing CA"), SubjectPublicKeyInfo.getInstance(key.subjectPublicKeyInfo()),
                    now, ISSUING_VALIDITY, settings.publicUrl(), new HsmContentSigner(hsm, root.wrappedKey()));
            em.persist(new CaKeyEntity(ISSUING, key.wrappedKey(), certificate.getEncoded(), now));
            em.persist(new IssuedCertificateEntity(certificate, ROOT, null));
        } catch (IOException e) {
            throw new ServiceException(ErrorCode.SERVER_ERROR, "the CA certificates could not be built", e);
        }
    }

    /** Creates the time-stamping authority's key and certificate when they do not exist yet. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ensureTimeStampingKey() throws ServiceException {
        if (em.find(CaKeyEntity.class, TSA) != null) {
            return;
        }
        CaKey issuing = key(ISSUING);
        try {
            GeneratedKey key = generate(TSA);
            Instant now = Instant.now();
            X509CertificateHolder certificate = Certificates.timeStamping(issuing.certificate(),
                    Certificates.caName("Sigillum Time-Stamping Authority"),
                    SubjectPublicKeyInfo.getInstance(key.subjectPublicKeyInfo()), now, TSA_VALIDITY, settings.publicUrl(),
                    issuing.signer());
            em.persist(new CaKeyEntity(TSA, key.wrappedKey(), certificate.getEncoded(), now));
            em.persist(new IssuedCertificateEntity(certificate, ISSUING, null));
        } catch (IOException e) {
            throw new ServiceException(ErrorCode.SERVER_ERROR, "the TSA certificate could not be built", e);
        }
    }

    /** A key of the built-in PKI (root, issuing, tsa) with its certificate, to sign with in the HSM. */
    public CaKey key(String name) throws ServiceException {
        CaKeyEntity entity = em.find(CaKeyEntity.class, name);
        if (entity == null) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the built-in PKI is not initialised yet");
        }
        try {
            return new CaKey(hsm, entity.wrappedKey(), new X509CertificateHolder(entity.certificate()));
        } catch (IOException e) {
            throw new ServiceException(ErrorCode.SERVER_ERROR, "a stored CA certificate cannot be read", e);
        }
    }

    /**
     * A signer in the HSM for another server key of the embedded default (the SAML service provider's signing
     * key), RSA-SHA256 or ECDSA-SHA384 by the key's algorithm; one signer per signature.
     */
    public ContentSigner serverKeySigner(WrappedKey key) {
        return new HsmContentSigner(hsm, key);
    }

    @Override
    public List<byte[]> issue(CertificateRequest request) throws ServiceException {
        CaKeyEntity issuing = em.find(CaKeyEntity.class, ISSUING);
        CaKeyEntity root = em.find(CaKeyEntity.class, ROOT);
        if (issuing == null || root == null) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the built-in CA is not initialised yet");
        }
        try {
            X509CertificateHolder certificate = Certificates.endEntity(new X509CertificateHolder(issuing.certificate()),
                    Certificates.userName(request.commonName()), SubjectPublicKeyInfo.getInstance(request.subjectPublicKeyInfo()),
                    Instant.now(), Duration.ofDays(validityDays), settings.publicUrl(), new HsmContentSigner(hsm, issuing.wrappedKey()));
            em.persist(new IssuedCertificateEntity(certificate, ISSUING, request.credentialId()));
            return List.of(certificate.getEncoded(), issuing.certificate(), root.certificate());
        } catch (IOException | RuntimeException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the certificate could not be issued", e);
        }
    }

    @Override
    public List<byte[]> caChain() throws ServiceException {
        byte[] issuing = caCertificate(ISSUING);
        byte[] root = caCertificate(ROOT);
        if (issuing == null || root == null) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the built-in CA is not initialised yet");
        }
        return List.of(issuing, root);
    }

    @Override
    public byte[] caCertificate(String name) {
        CaKeyEntity key = em.find(CaKeyEntity.class, name);
        return key == null ? null : key.certificate();
    }

    private GeneratedKey generate(String name) throws ServiceException {
        try (HsmConnection connection = hsm.getConnection()) {
            return connection.generateKeyPair(KeySpec.ec(EcCurve.P384), new KeyBinding("ca:" + name, CaKeyEntity.OWNER));
        } catch (HsmException e) {
            throw HsmFailures.toServiceException("CA key generation", e);
        }
    }
}
