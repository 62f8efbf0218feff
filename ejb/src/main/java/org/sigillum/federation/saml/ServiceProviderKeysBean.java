package org.sigillum.federation.saml;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.enrollment.BuiltInCaBean;
import org.sigillum.enrollment.CaKey;
import org.sigillum.enrollment.IssuedCertificateEntity;
import org.sigillum.hsm.GeneratedKey;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.KeySpec;
import org.sigillum.hsm.WrappedKey;
import org.sigillum.api.error.HsmFailures;

/**
 * Sigillum's SAML service-provider keys, made once for the cluster: an RSA signing key generated in the HSM
 * (AuthnRequests and logout messages are signed there, RSA-SHA256, which every SAML provider accepts), and an
 * RSA encryption key for encrypted assertions, sealed under a key the HSM derives (an HMAC under its pepper key). Both certified by the
 * built-in issuing CA and entered in its register, so that OCSP answers for them.
 */
@Stateless
@LocalBean
public class ServiceProviderKeysBean {

    static final String SIGNING = "signing";
    static final String ENCRYPTION = "encryption";
    private static final int RSA_BITS = 2048;
    private static final Duration VALIDITY = Duration.ofDays(730);
    private static final String SEAL_LABEL = "sigillum saml service-provider encryption key v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @Resource(lookup = HsmConnectionFactory.JNDI_NAME)
    private HsmConnectionFactory hsm;
    @EJB
    private BuiltInCaBean ca;

    /** Creates the keys when they do not exist yet; a node that loses the race to another finds the other's. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ensureKeys() throws ServiceException {
        CaKey issuing = null;
        if (em.find(ServiceProviderKeyEntity.class, SIGNING) == null) {
            issuing = ca.key(BuiltInCaBean.ISSUING);
            GeneratedKey key;
            try (HsmConnection connection = hsm.getConnection()) {
                key = connection.generateKeyPair(KeySpec.rsa(RSA_BITS), ServiceProviderKeyEntity.binding(SIGNING));
            } catch (HsmException e) {
                throw HsmFailures.toServiceException("SAML signing key generation", e);
            }
            X509CertificateHolder certificate = certify(issuing, "Sigillum SAML signing",
                    SubjectPublicKeyInfo.getInstance(key.subjectPublicKeyInfo()), KeyUsage.digitalSignature);
            em.persist(ServiceProviderKeyEntity.wrapped(SIGNING, key.wrappedKey(), encoded(certificate)));
        }
        if (em.find(ServiceProviderKeyEntity.class, ENCRYPTION) == null) {
            issuing = issuing != null ? issuing : ca.key(BuiltInCaBean.ISSUING);
            KeyPair pair;
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(RSA_BITS);
                pair = generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new ServiceException(ErrorCode.SERVER_ERROR, "the SAML encryption key cannot be generated", e);
            }
            X509CertificateHolder certificate = certify(issuing, "Sigillum SAML encryption",
                    SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()), KeyUsage.keyEncipherment);
            em.persist(ServiceProviderKeyEntity.sealed(ENCRYPTION, RSA_BITS, seal(pair.getPrivate().getEncoded()),
                    encoded(certificate)));
        }
    }

    public X509Certificate certificate(String name) throws ServiceException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(entity(name).certificate()));
        } catch (GeneralSecurityException e) {
            throw new ServiceException(ErrorCode.SERVER_ERROR, "a stored SAML certificate cannot be read", e);
        }
    }

    /**
     * Signs redirect-binding octets in the HSM, through the built-in PKI's server-key signer (as the TSA's and
     * the CA's keys sign); the key is unwrapped for the one signature and destroyed.
     */
    public MessageSigner signer() throws ServiceException {
        WrappedKey key = entity(SIGNING).wrappedKey();
        return new MessageSigner() {
            @Override
            public String algorithmUri() {
                return RedirectBinding.RSA_SHA256;
            }

            @Override
            public byte[] sign(byte[] octets) {
                ContentSigner signer = ca.serverKeySigner(key);
                try (OutputStream out = signer.getOutputStream()) {
                    out.write(octets);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return signer.getSignature();
            }
        };
    }

    /** The encryption key, opened for one response: the sealed form alone opens nothing without the HSM. */
    public List<PrivateKey> decryptionKeys() throws ServiceException {
        byte[] pkcs8 = open(entity(ENCRYPTION).sealedPrivateKey());
        try {
            return List.of(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        } catch (GeneralSecurityException e) {
            throw new ServiceException(ErrorCode.SERVER_ERROR, "the SAML encryption key cannot be read", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private ServiceProviderKeyEntity entity(String name) throws ServiceException {
        ServiceProviderKeyEntity entity = em.find(ServiceProviderKeyEntity.class, name);
        if (entity == null) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the SAML service-provider keys are not made yet");
        }
        return entity;
    }

    private X509CertificateHolder certify(CaKey issuing, String commonName, SubjectPublicKeyInfo key, int usage)
            throws ServiceException {
        try {
            Instant now = Instant.now();
            X509CertificateHolder issuer = issuing.certificate();
            X509CertificateHolder certificate = new X509v3CertificateBuilder(issuer.getSubject(),
                    new BigInteger(128, RANDOM).setBit(127), Date.from(now.minusSeconds(300)),
                    Date.from(now.plus(VALIDITY).isAfter(issuer.getNotAfter().toInstant())
                            ? issuer.getNotAfter().toInstant() : now.plus(VALIDITY)),
                    new X500Name("CN=" + commonName + ",O=Sigillum"), key)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
                    .build(issuing.signer());
            em.persist(new IssuedCertificateEntity(certificate, BuiltInCaBean.ISSUING, null));
            return certificate;
        } catch (IOException | RuntimeException e) {
            throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE, "the SAML certificate could not be issued", e);
        }
    }

    private static byte[] encoded(X509CertificateHolder certificate) throws ServiceException {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new ServiceException(ErrorCode.SERVER_ERROR, "the SAML certificate cannot be encoded", e);
        }
    }

    private byte[] seal(byte[] clear) throws ServiceException {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, clear);
        byte[] stored = Arrays.copyOf(nonce, nonce.length + sealed.length);
        System.arraycopy(sealed, 0, stored, nonce.length, sealed.length);
        return stored;
    }

    private byte[] open(byte[] stored) throws ServiceException {
        return crypt(Cipher.DECRYPT_MODE, Arrays.copyOf(stored, 12), Arrays.copyOfRange(stored, 12, stored.length));
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input) throws ServiceException {
        byte[] key;
        try (HsmConnection connection = hsm.getConnection()) {
            key = connection.pepper(SEAL_LABEL.getBytes(StandardCharsets.UTF_8));
        } catch (HsmException e) {
            throw HsmFailures.toServiceException("sealing the SAML encryption key", e);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(SEAL_LABEL.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new ServiceException(ErrorCode.SERVER_ERROR, "the SAML encryption key does not open", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
