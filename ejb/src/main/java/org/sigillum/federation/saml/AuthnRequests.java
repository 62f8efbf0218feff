package org.sigillum.federation.saml;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.keycloak.dom.saml.v2.protocol.AuthnContextComparisonType;
import org.keycloak.dom.saml.v2.protocol.AuthnRequestType;
import org.keycloak.dom.saml.v2.protocol.NameIDPolicyType;
import org.keycloak.dom.saml.v2.protocol.RequestedAuthnContextType;
import org.keycloak.saml.common.exceptions.ConfigurationException;
import org.keycloak.saml.common.exceptions.ParsingException;
import org.keycloak.saml.common.exceptions.ProcessingException;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.api.saml.v2.request.SAML2Request;

/**
 * Builds the AuthnRequest that starts a SAML login, sent over HTTP-Redirect and signed. A step-up asks for
 * the authentication context classes that reach the level needed (RequestedAuthnContext, comparison exact)
 * and for a fresh authentication (ForceAuthn), so that an existing session at the provider does not answer
 * for a stronger login than it had.
 */
public final class AuthnRequests {

    private static final URI POST_BINDING = URI.create("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AuthnRequests() {
    }

    /** A fresh request ID: an NCName (starts with a letter or underscore), 160 random bits. */
    public static String newId() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }

    /**
     * @param requestedClasses the AuthnContextClassRefs to ask for; empty leaves the choice to the provider
     * @param forceAuthn       true for a step-up or a login that must not reuse the provider's session
     */
    public static String xml(String id, ServiceProvider sp, IdentityProviderTrust idp, List<String> requestedClasses,
                             boolean forceAuthn) {
        try {
            AuthnRequestType request = new SAML2Request().createAuthnRequestType(id, sp.assertionConsumerUrl(),
                    idp.singleSignOnUrl(), sp.entityId(), POST_BINDING);
            NameIDPolicyType policy = new NameIDPolicyType();
            policy.setFormat(URI.create(sp.nameIdFormat()));
            policy.setAllowCreate(Boolean.TRUE);
            request.setNameIDPolicy(policy);
            request.setForceAuthn(forceAuthn);
            if (!requestedClasses.isEmpty()) {
                RequestedAuthnContextType context = new RequestedAuthnContextType();
                requestedClasses.forEach(context::addAuthnContextClassRef);
                context.setComparison(AuthnContextComparisonType.EXACT);
                request.setRequestedAuthnContext(context);
            }
            return DocumentUtil.asString(SAML2Request.convert(request));
        } catch (ConfigurationException | ProcessingException | ParsingException e) {
            throw new IllegalStateException("the AuthnRequest cannot be written: " + e.getMessage(), e);
        }
    }

    /** The URL the browser is redirected to: the provider's SSO endpoint with the signed request. */
    public static String redirectUrl(String id, ServiceProvider sp, IdentityProviderTrust idp, List<String> requestedClasses,
                                     boolean forceAuthn, String relayState, MessageSigner signer) {
        return RedirectBinding.signedUrl(idp.singleSignOnUrl(), "SAMLRequest", xml(id, sp, idp, requestedClasses, forceAuthn),
                relayState, signer);
    }
}
