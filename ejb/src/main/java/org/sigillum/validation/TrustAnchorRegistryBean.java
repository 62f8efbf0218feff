package org.sigillum.validation;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sigillum.api.admin.AddTrustAnchorRequest;
import org.sigillum.api.admin.TrustAnchorView;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.RequestCaller;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.TrustAnchorRegistry;
import org.sigillum.asn1.BerNesting;
import org.sigillum.audit.Events;

/** Validation trust anchors the operator adds and removes, audited; a certificate is stored once. */
@Stateless
public class TrustAnchorRegistryBean implements TrustAnchorRegistry {

    private static final int MAX_CERTIFICATE_BYTES = 64 * 1024;

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private AuditTrail audit;
    @Inject
    private RequestCaller caller;
    @Inject
    private TrustAnchors trustAnchors;
    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Override
    public TrustAnchorView add(AddTrustAnchorRequest request) throws ServiceException {
        X509Certificate certificate = parse(request == null ? null : request.certificate());
        byte[] der;
        try {
            der = certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw invalid("the certificate cannot be encoded");
        }
        String sha256 = java.util.HexFormat.of().formatHex(sha256(der));
        List<TrustAnchorEntity> existing = em.createQuery("select a from TrustAnchorEntity a where a.sha256 = :h",
                TrustAnchorEntity.class).setParameter("h", sha256).getResultList();
        if (!existing.isEmpty()) {
            return existing.get(0).view();
        }
        TrustAnchorEntity anchor = new TrustAnchorEntity(UUID.randomUUID().toString(), sha256,
                certificate.getSubjectX500Principal().getName(), der, Instant.now());
        em.persist(anchor);
        refreshAfterCommit();
        audit.record(new AuditEvent(Events.TRUST_ANCHOR_ADDED, AuditEvent.Outcome.SUCCESS, caller.actor(), null, null,
                Map.of("subject", certificate.getSubjectX500Principal().getName(), "sha256", sha256)));
        return anchor.view();
    }

    @Override
    public List<TrustAnchorView> anchors() {
        return em.createQuery("select a from TrustAnchorEntity a order by a.createdAt", TrustAnchorEntity.class)
                .getResultList().stream().map(TrustAnchorEntity::view).toList();
    }

    @Override
    public void remove(String id) throws ServiceException {
        TrustAnchorEntity anchor = id == null ? null : em.find(TrustAnchorEntity.class, id);
        if (anchor == null) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "no such trust anchor");
        }
        em.remove(anchor);
        refreshAfterCommit();
        audit.record(new AuditEvent(Events.TRUST_ANCHOR_REMOVED, AuditEvent.Outcome.SUCCESS, caller.actor(), null, null,
                Map.of("sha256", anchor.sha256())));
    }

    @Override
    public List<byte[]> certificates() {
        return em.createQuery("select a from TrustAnchorEntity a", TrustAnchorEntity.class).getResultList().stream()
                .map(TrustAnchorEntity::certificate).toList();
    }

    /** This node's validation reads the anchors again once the change is committed (TrustAnchors caches them). */
    private void refreshAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                trustAnchors.changed();
            }
        });
    }

    /** Base64 DER or PEM, one X.509 certificate. */
    private static X509Certificate parse(String text) throws ServiceException {
        if (text == null || text.isBlank() || text.length() > MAX_CERTIFICATE_BYTES * 2) {
            throw invalid("certificate (base64 DER or PEM) is required");
        }
        byte[] der;
        if (text.contains("-----BEGIN CERTIFICATE-----")) {
            der = text.getBytes(StandardCharsets.US_ASCII);
        } else {
            try {
                der = Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw invalid("certificate must be base64 DER or PEM");
            }
        }
        if (BerNesting.tooDeep(der)) {
            throw invalid("certificate is not an X.509 certificate");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw invalid("certificate is not an X.509 certificate");
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_REQUEST, message);
    }
}
