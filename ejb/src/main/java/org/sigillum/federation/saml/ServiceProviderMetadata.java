package org.sigillum.federation.saml;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamWriter;
import org.keycloak.dom.saml.v2.metadata.EntityDescriptorType;
import org.keycloak.dom.saml.v2.metadata.KeyDescriptorType;
import org.keycloak.dom.saml.v2.metadata.KeyTypes;
import org.keycloak.saml.SPMetadataDescriptor;
import org.keycloak.saml.common.exceptions.ProcessingException;
import org.keycloak.saml.common.util.StaxUtil;
import org.keycloak.saml.processing.core.saml.v2.writers.SAMLMetadataWriter;

/**
 * Sigillum's SP metadata, served at {@code /saml/metadata}: the entity ID, the assertion consumer service
 * (HTTP-POST), single logout (HTTP-Redirect), the NameID format, and the signing and encryption certificates.
 * It says that requests are signed, that assertions must be signed, and that they are wanted encrypted.
 */
public final class ServiceProviderMetadata {

    private static final URI POST = URI.create("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
    private static final URI REDIRECT = URI.create("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect");
    private static final String RSA_OAEP = "http://www.w3.org/2009/xmlenc11#rsa-oaep";
    private static final String RSA_OAEP_MGF1P = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";

    private ServiceProviderMetadata() {
    }

    public static String xml(ServiceProvider sp, X509Certificate signing, X509Certificate encryption) {
        try {
            KeyDescriptorType signingKey = SPMetadataDescriptor.buildKeyDescriptorType(
                    SPMetadataDescriptor.buildKeyInfoElement(null, base64(signing)), KeyTypes.SIGNING);
            KeyDescriptorType encryptionKey = SPMetadataDescriptor.buildKeyDescriptorType(
                    SPMetadataDescriptor.buildKeyInfoElement(null, base64(encryption)), KeyTypes.ENCRYPTION,
                    RSA_OAEP, RSA_OAEP_MGF1P);
            EntityDescriptorType descriptor = SPMetadataDescriptor.buildSPDescriptor(POST, REDIRECT,
                    URI.create(sp.assertionConsumerUrl()), URI.create(sp.singleLogoutUrl()), true, true, true,
                    sp.entityId(), sp.nameIdFormat(), List.of(signingKey), List.of(encryptionKey));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            XMLStreamWriter writer = StaxUtil.getXMLStreamWriter(out);
            new SAMLMetadataWriter(writer).writeEntityDescriptor(descriptor);
            StaxUtil.flush(writer);
            return out.toString(StandardCharsets.UTF_8);
        } catch (ProcessingException | ParserConfigurationException | CertificateEncodingException e) {
            throw new IllegalStateException("the SP metadata cannot be written: " + e.getMessage(), e);
        }
    }

    private static String base64(X509Certificate certificate) throws CertificateEncodingException {
        return Base64.getEncoder().encodeToString(certificate.getEncoded());
    }
}
