package org.sigillum.enrollment;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sigillum.api.error.ServiceException;
import org.sigillum.settings.ServiceSettings;

/**
 * The quick start's HTTPS certificate: a server key and a certificate from the built-in issuing CA, kept in the
 * PKCS#12 key store the WildFly HTTPS listener reads (wildfly-config/cli/80-configure-https.cli). Issued at
 * start when the store is missing, unreadable, close to expiry, from another CA or for other host names; the
 * start script then has the listener reload it. Clients trust the built-in root (/ca/root.crt) and nothing
 * else; the EUDI CSC library, for one, accepts only https service URLs.
 */
@Singleton
@Startup
@DependsOn("BuiltInCaBootstrap")
public class TlsKeyStoreBootstrap {

    static final String ALIAS = "server";
    private static final Logger LOG = Logger.getLogger(TlsKeyStoreBootstrap.class.getName());
    private static final Duration VALIDITY = Duration.ofDays(397);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private BuiltInCaBean ca;

    @Inject
    @ConfigProperty(name = "sigillum.tls.keystore", defaultValue = "")
    String keyStorePath;
    @Inject
    @ConfigProperty(name = "sigillum.tls.keystore-password", defaultValue = "")
    String keyStorePassword;
    @Inject
    ServiceSettings settings;

    @PostConstruct
    void initialise() {
        if (keyStorePath.isBlank() || keyStorePassword.isEmpty()) {
            return;
        }
        try {
            CaKey issuing = ca.key(BuiltInCaBean.ISSUING);
            X509Certificate issuer = x509(issuing.certificate().getEncoded());
            Set<String> hosts = hosts();
            Path file = Path.of(keyStorePath);
            if (current(file, issuer, hosts)) {
                return;
            }
            write(file, issue(issuing, issuer, hosts));
            LOG.info("issued the HTTPS server certificate for " + hosts + " into " + file);
        } catch (ServiceException | IOException | GeneralSecurityException e) {
            // HTTP keeps working; only the HTTPS listener lacks a certificate
            LOG.warning("no HTTPS server certificate: " + e.getMessage());
        }
    }

    /** The names clients reach this server by: the loopback ones and the public URL's host. */
    private Set<String> hosts() {
        Set<String> hosts = new LinkedHashSet<>(List.of("127.0.0.1", "localhost"));
        String publicHost = URI.create(settings.publicUrl()).getHost();
        if (publicHost != null) {
            hosts.add(publicHost);
        }
        return hosts;
    }

    private boolean current(Path file, X509Certificate issuer, Set<String> hosts) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, keyStorePassword.toCharArray());
            X509Certificate server = (X509Certificate) store.getCertificate(ALIAS);
            if (server == null || store.getKey(ALIAS, keyStorePassword.toCharArray()) == null) {
                return false;
            }
            server.verify(issuer.getPublicKey());
            return server.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE))
                    && hosts.equals(alternativeNames(server));
        } catch (IOException | GeneralSecurityException e) {
            return false;
        }
    }

    private static Set<String> alternativeNames(X509Certificate certificate) throws GeneralSecurityException {
        Set<String> names = new LinkedHashSet<>();
        Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
        if (entries != null) {
            entries.forEach(entry -> names.add(String.valueOf(entry.get(1))));
        }
        return names;
    }

    private KeyStore issue(CaKey issuing, X509Certificate issuer, Set<String> hosts)
            throws IOException, GeneralSecurityException, ServiceException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        GeneralNames names = new GeneralNames(hosts.stream().map(h -> new GeneralName(
                h.matches("[0-9.]+|.*:.*") ? GeneralName.iPAddress : GeneralName.dNSName, h)).toArray(GeneralName[]::new));
        X509CertificateHolder certificate = Certificates.tlsServer(issuing.certificate(),
                new X500Name("CN=" + hosts.iterator().next() + ",O=Sigillum"),
                SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()), names, Instant.now(), VALIDITY,
                settings.publicUrl(), issuing.signer());
        // entered in the register, so that OCSP answers for it like for every certificate the CA issued
        em.persist(new IssuedCertificateEntity(certificate, BuiltInCaBean.ISSUING, null));
        X509Certificate root = x509(ca.key(BuiltInCaBean.ROOT).certificate().getEncoded());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, pair.getPrivate(), keyStorePassword.toCharArray(),
                new Certificate[] {x509(certificate.getEncoded()), issuer, root});
        return store;
    }

    /** Written beside and moved into place, so the listener never reads half a file; readable by its owner only. */
    private void write(Path file, KeyStore store) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "tls", ".p12");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, keyStorePassword.toCharArray());
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static X509Certificate x509(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(der));
    }
}
