package org.sigillum.federation.saml;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.federation.LevelOfAssurance;
import org.sigillum.federation.ConfiguredProvider;
import org.sigillum.federation.ProtocolLogin;
import org.sigillum.federation.ProviderKind;

/**
 * The SAML way to a provider: a signed AuthnRequest over HTTP-Redirect, RelayState = the attempt. A step-up asks
 * for the provider's AuthnContextClassRefs that reach the level needed, and ForceAuthn. The request ID is kept
 * with the attempt: the response must answer exactly it.
 */
@ApplicationScoped
public class SamlProtocolLogin implements ProtocolLogin {

    static final String REQUEST_ID = "samlRequestId";

    @Inject
    private SamlProviders providers;
    @EJB
    private ServiceProviderKeysBean keys;

    @Override
    public ProviderKind kind() {
        return ProviderKind.SAML;
    }

    @Override
    public Request request(ConfiguredProvider provider, String attemptId, LevelOfAssurance required, boolean stepUp)
            throws ServiceException {
        keys.ensureKeys();
        IdentityProviderTrust idp = providers.identityProvider(provider);
        String id = AuthnRequests.newId();
        List<String> classes = stepUp ? levels(provider).classesAtLeast(required) : List.of();
        String location = AuthnRequests.redirectUrl(id, providers.serviceProvider(provider), idp, classes, stepUp,
                attemptId, keys.signer());
        return new Request(URI.create(location), Map.of(REQUEST_ID, id));
    }

    static LevelMapping levels(ConfiguredProvider provider) {
        return new LevelMapping(provider.levelMapping());
    }
}
