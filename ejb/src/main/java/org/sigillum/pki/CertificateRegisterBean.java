package org.sigillum.pki;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.logging.Logger;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.sigillum.enrollment.BuiltInCaBean;
import org.sigillum.enrollment.IssuedCertificateEntity;
import org.sigillum.keys.CredentialEntity;

/** Reads the built-in CAs' register of issued certificates, for OCSP, CRLs and revocation. */
@Stateless
@LocalBean
public class CertificateRegisterBean {

    private static final Logger LOG = Logger.getLogger(CertificateRegisterBean.class.getName());

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;

    /** The status of a serial number among the certificates {@code caName} issued. */
    public CertificateState state(String caName, BigInteger serialNumber) {
        IssuedCertificateEntity issued = em.find(IssuedCertificateEntity.class, IssuedCertificateEntity.key(serialNumber));
        if (issued == null || !issued.caName().equals(caName)) {
            return CertificateState.UNKNOWN;
        }
        return issued.revoked() ? CertificateState.revoked(issued.revokedAt(), issued.revocationReason())
                : CertificateState.GOOD;
    }

    public List<RevokedEntry> revoked(String caName) {
        return em.createQuery("select c from IssuedCertificateEntity c where c.caName = :ca and c.revokedAt is not null"
                        + " order by c.revokedAt", IssuedCertificateEntity.class)
                .setParameter("ca", caName).getResultList().stream()
                .map(c -> new RevokedEntry(c.serialNumber(), c.revokedAt(), c.revocationReason())).toList();
    }

    /** The register entry of a credential's certificate, or null when the built-in CA did not issue it. */
    public IssuedCertificateEntity ofCredential(String credentialId) {
        return em.createQuery("select c from IssuedCertificateEntity c where c.credentialId = :id",
                        IssuedCertificateEntity.class)
                .setParameter("id", credentialId).getResultStream().findFirst().orElse(null);
    }

    /**
     * Enters the certificates of credentials created before the register existed, when the issuing CA signed
     * them; those of other CAs stay out, so OCSP calls them unknown.
     */
    public int registerEarlierCertificates(X509CertificateHolder issuing) {
        List<CredentialEntity> unlisted = em.createQuery("select c from CredentialEntity c where c.certificate is not null"
                + " and not exists (select i from IssuedCertificateEntity i where i.credentialId = c.id)",
                CredentialEntity.class).getResultList();
        int entered = 0;
        for (CredentialEntity credential : unlisted) {
            try {
                X509CertificateHolder certificate = new X509CertificateHolder(credential.certificate());
                if (certificate.getIssuer().equals(issuing.getSubject()) && certificate.isSignatureValid(
                        new JcaContentVerifierProviderBuilder().build(issuing))
                        && em.find(IssuedCertificateEntity.class, IssuedCertificateEntity.key(certificate.getSerialNumber())) == null) {
                    em.persist(new IssuedCertificateEntity(certificate, BuiltInCaBean.ISSUING, credential.id()));
                    entered++;
                }
            } catch (IOException | CertException | OperatorCreationException | java.security.cert.CertificateException e) {
                LOG.warning(() -> "the certificate of credential " + credential.id() + " cannot be read: " + e.getMessage());
            }
        }
        return entered;
    }
}
