package org.sigillum.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.Cache;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.oauth.PushedRequest;
import org.sigillum.api.service.SingleUseClaims;

/**
 * Where an authorization request comes from: pushed by an authenticated client (PAR) and kept for 90 s in the
 * cluster-wide {@code par-requests} cache, or sent through the browser and checked there. A pushed request is
 * claimed in the single-use ledger when used, so it serves once, even on both sides of a split cluster.
 */
@Stateless
@LocalBean
public class AuthorizationRequestsBean {

    static final String PUSHED = "java:jboss/infinispan/cache/sigillum/par-requests";
    private static final String REQUEST_URI_PREFIX = "urn:ietf:params:oauth:request_uri:";
    private static final long PUSHED_LIFETIME_SECONDS = 90;

    @Resource(lookup = PUSHED)
    private Cache<String, PendingAuthorization> pushed;
    @EJB
    private ClientRegistryBean clients;
    @EJB
    private SingleUseClaims claims;
    @Inject
    private DocumentPreviews previews;

    @Inject
    @ConfigProperty(name = "sigillum.sad.max-signatures", defaultValue = "100")
    int maxSignatures;

    public PushedRequest push(PushedAuthorizationRequest request) throws ServiceException {
        ClientEntity client = clients.authenticate(request.getClientAuthentication(), "par");
        AuthorizationRequest authorization = request.getAuthorizationRequest();
        if (authorization.getRequestURI() != null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "a pushed request cannot itself use request_uri");
        }
        if (authorization.getClientID() != null && !client.clientId().equals(authorization.getClientID().getValue())) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "client_id differs from the authenticated client");
        }
        PendingAuthorization pending;
        try {
            pending = check(authorization);
        } catch (RedirectableRefusal e) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, e.error().getCode() + ": " + e.error().getDescription());
        }
        String value = REQUEST_URI_PREFIX + RandomValues.newValue();
        pushed.put(value, pending, PUSHED_LIFETIME_SECONDS, TimeUnit.SECONDS);
        return new PushedRequest(value, PUSHED_LIFETIME_SECONDS);
    }

    /** The checked request a browser brings, by value or by the request_uri of a pushed one (used up here). */
    public PendingAuthorization resolve(AuthorizationRequest request) throws ServiceException, RedirectableRefusal {
        if (request.getRequestURI() == null) {
            return check(request);
        }
        String requestUri = request.getRequestURI().toString();
        PendingAuthorization pending = pushed.remove(requestUri);
        if (pending == null || !claims.claim("par", RandomValues.digest(requestUri)) || request.getClientID() == null
                || !pending.clientId().equals(request.getClientID().getValue())) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "request_uri is unknown, expired or already used");
        }
        return pending;
    }

    private PendingAuthorization check(AuthorizationRequest request) throws ServiceException, RedirectableRefusal {
        ClientEntity client = request.getClientID() == null ? null : clients.find(request.getClientID().getValue());
        return new AuthorizationRequestCheck(maxSignatures, previews::preview).check(request, client);
    }
}
