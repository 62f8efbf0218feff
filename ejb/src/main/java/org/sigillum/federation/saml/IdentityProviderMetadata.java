package org.sigillum.federation.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads what Sigillum pins of an identity provider from its SAML metadata (fetched from its URL or read from a
 * file by the operator's configuration): entity ID, the HTTP-Redirect SSO and SLO endpoints, and the
 * certificates of its signing keys (KeyDescriptor use="signing", or without use). The metadata is trusted
 * because the operator chose where it comes from; it is parsed with the same XML hardening as messages.
 */
public final class IdentityProviderMetadata {

    static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

    private IdentityProviderMetadata() {
    }

    /**
     * @param entityId which entity to take when the metadata is an EntitiesDescriptor; null takes the only
     *                 identity provider in it
     */
    public static IdentityProviderTrust read(byte[] metadata, String entityId) {
        Document document;
        try {
            document = SamlXml.parse(metadata);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("the identity provider's metadata is not XML without DTD: " + e.getMessage(), e);
        }
        Element entity = null;
        NodeList entities = document.getElementsByTagNameNS(SamlXml.METADATA, "EntityDescriptor");
        for (int i = 0; i < entities.getLength(); i++) {
            Element candidate = (Element) entities.item(i);
            if (SamlXml.child(candidate, SamlXml.METADATA, "IDPSSODescriptor") != null
                    && (entityId == null || entityId.equals(candidate.getAttribute("entityID")))) {
                if (entity != null) {
                    throw new IllegalArgumentException("the metadata describes several identity providers; name the entity ID");
                }
                entity = candidate;
            }
        }
        if (entity == null) {
            throw new IllegalArgumentException("the metadata describes no identity provider"
                    + (entityId == null ? "" : " with entity ID " + entityId));
        }
        Element idp = SamlXml.child(entity, SamlXml.METADATA, "IDPSSODescriptor");
        String sso = endpoint(idp, "SingleSignOnService");
        if (sso == null) {
            throw new IllegalArgumentException("the identity provider has no HTTP-Redirect SingleSignOnService");
        }
        return new IdentityProviderTrust(entity.getAttribute("entityID"), sso, endpoint(idp, "SingleLogoutService"),
                signingCertificates(idp));
    }

    private static String endpoint(Element idp, String service) {
        for (Element endpoint : SamlXml.children(idp, SamlXml.METADATA, service)) {
            if (REDIRECT.equals(endpoint.getAttribute("Binding"))) {
                return endpoint.getAttribute("Location");
            }
        }
        return null;
    }

    private static List<X509Certificate> signingCertificates(Element idp) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Element descriptor : SamlXml.children(idp, SamlXml.METADATA, "KeyDescriptor")) {
            String use = descriptor.getAttribute("use");
            if (!use.isEmpty() && !"signing".equals(use)) {
                continue;
            }
            NodeList values = descriptor.getElementsByTagNameNS(SamlXml.DSIG, "X509Certificate");
            for (int i = 0; i < values.getLength(); i++) {
                certificates.add(certificate(SamlXml.text((Element) values.item(i))));
            }
        }
        return certificates;
    }

    private static X509Certificate certificate(String base64) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("a signing certificate in the metadata cannot be read: " + e.getMessage(), e);
        }
    }
}
