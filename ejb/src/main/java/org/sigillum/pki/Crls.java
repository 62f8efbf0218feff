package org.sigillum.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;

/** The X.509 v2 CRL profile of the built-in CAs (RFC 5280 5), built with Bouncy Castle. Plain Java. */
final class Crls {

    private Crls() {
    }

    static X509CRLHolder build(X509CertificateHolder issuer, ContentSigner signer, BigInteger number,
                               Instant thisUpdate, Instant nextUpdate, List<RevokedEntry> revoked) throws IOException {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer.getSubject(), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (RevokedEntry entry : revoked) {
            // RFC 5280 5.3.1: the reason code extension is absent rather than "unspecified"
            Extensions reason = entry.reason() == CRLReason.unspecified ? null : new Extensions(new Extension(
                    Extension.reasonCode, false, CRLReason.lookup(entry.reason()).getEncoded()));
            builder.addCRLEntry(entry.serialNumber(), Date.from(entry.revokedAt()), reason);
        }
        builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.getSubjectPublicKeyInfo()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return builder.build(signer);
    }
}
