package org.sigillum.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.Cache;
import org.sigillum.account.SigningFactorsBean;
import org.sigillum.account.UserEntity;
import org.sigillum.api.audit.AuditEvent;
import org.sigillum.api.auth.Scopes;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.oauth.AuthorizationStep;
import org.sigillum.api.oauth.PushedRequest;
import org.sigillum.api.sam.SadGrant;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.AuthorizationEndpoint;
import org.sigillum.api.service.LocalLogin;
import org.sigillum.audit.Events;
import org.sigillum.csc.SadGrants;
import org.sigillum.keys.CredentialEntity;
import org.sigillum.sam.auth.Digests;
import org.sigillum.sam.once.SingleUseLedger;
import org.sigillum.sam.sad.SadStore;
import org.sigillum.tenancy.Tenants;
import org.sigillum.token.BearerTokensBean;

/**
 * The authorization-code flow up to the code: request checks (exact redirect URI, PKCE S256), the login step
 * with a local account, and the consent step, where a credential authorization is approved with the signing
 * PIN. Transactions and pushed requests live in cluster-wide caches; each form carries a CSRF value that
 * changes at every step. A pushed request and a completed consent are claimed in the single-use ledger, so that
 * neither is used twice, not even on both sides of a split cluster.
 */
@Stateless
public class AuthorizationEndpointBean implements AuthorizationEndpoint {

    static final String TRANSACTIONS = "java:jboss/infinispan/cache/sigillum/consent";
    static final String PUSHED = "java:jboss/infinispan/cache/sigillum/par-requests";
    private static final String REQUEST_URI_PREFIX = "urn:ietf:params:oauth:request_uri:";
    private static final long PUSHED_LIFETIME_SECONDS = 90;
    private static final long TRANSACTION_SECONDS = 600;
    private static final int MAX_FAILURES = 5;
    private static final String WRONG_LOGIN = "The username or password is wrong, or the account is locked.";
    private static final String WRONG_FACTOR = "The PIN or one-time code is wrong, or signing is locked.";
    private static final String MISSING_LOGIN = "Enter your username and password.";
    private static final String MISSING_FACTOR = "Enter your PIN, and your one-time code if you use one.";

    @Resource(lookup = TRANSACTIONS)
    private Cache<String, AuthorizationTransaction> transactions;
    @Resource(lookup = PUSHED)
    private Cache<String, PendingAuthorization> pushed;
    @PersistenceContext(unitName = "sigillum")
    private EntityManager em;
    @EJB
    private ClientRegistryBean clients;
    @EJB
    private LocalLogin localLogin;
    @EJB
    private SigningFactorsBean signingFactors;
    @EJB
    private AuthorizationCodesBean codes;
    @EJB
    private AuditTrail audit;
    @EJB
    private SingleUseLedger ledger;
    @Inject
    private OAuthEndpoints endpoints;
    @Inject
    private DocumentPreviews previews;

    @Inject
    @ConfigProperty(name = "sigillum.sad.max-signatures", defaultValue = "100")
    int maxSignatures;

    /** A refusal that can safely go back to the client's (verified) redirect URI. */
    private static final class RedirectedError extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ErrorObject error;

        RedirectedError(ErrorObject error) {
            super(error.getDescription());
            this.error = error;
        }
    }

    @Override
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
        } catch (RedirectedError e) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, e.error.getCode() + ": " + e.error.getDescription());
        }
        String value = REQUEST_URI_PREFIX + SadStore.newValue();
        pushed.put(value, pending, PUSHED_LIFETIME_SECONDS, TimeUnit.SECONDS);
        return new PushedRequest(value, PUSHED_LIFETIME_SECONDS);
    }

    @Override
    public AuthorizationStep begin(AuthorizationRequest request) throws ServiceException {
        PendingAuthorization pending;
        if (request.getRequestURI() != null) {
            String requestUri = request.getRequestURI().toString();
            pending = pushed.remove(requestUri);
            if (pending == null || !ledger.claim("par", Digests.sha256Hex(requestUri)) || request.getClientID() == null
                    || !pending.clientId().equals(request.getClientID().getValue())) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "request_uri is unknown, expired or already used");
            }
        } else {
            try {
                pending = check(request);
            } catch (RedirectedError e) {
                return redirect(request.getRedirectionURI(), request.getState(), e.error);
            }
        }
        AuthorizationTransaction transaction = new AuthorizationTransaction(SadStore.newValue(), SadStore.newValue(),
                pending, null, null, null, 0);
        save(transaction);
        return new AuthorizationStep.Login(form(transaction), null);
    }

    @Override
    public AuthorizationStep login(String transactionId, String csrf, String username, char[] password)
            throws ServiceException {
        AuthorizationTransaction transaction = transaction(transactionId, csrf);
        PendingAuthorization pending = transaction.pending();
        String userId;
        try {
            userId = localLogin.authenticate(username, password, pending.clientId());
        } catch (ServiceException e) {
            if (e.code() == ErrorCode.INVALID_REQUEST) {
                return new AuthorizationStep.Login(form(transaction), MISSING_LOGIN);
            }
            if (e.code() == ErrorCode.TEMPORARILY_UNAVAILABLE) {
                throw e;
            }
            AuthorizationTransaction failed = transaction.failed(SadStore.newValue());
            if (failed.failures() >= MAX_FAILURES) {
                transactions.remove(transaction.id());
                return redirect(pending, OAuth2Error.ACCESS_DENIED.setDescription("too many failed logins"));
            }
            save(failed);
            return new AuthorizationStep.Login(form(failed), WRONG_LOGIN);
        }
        UserEntity user = em.find(UserEntity.class, userId);
        AuthorizationTransaction authenticated = transaction.authenticated(SadStore.newValue(), userId, user.username(),
                Instant.now());
        try {
            requested(authenticated);
        } catch (ServiceException e) {
            transactions.remove(transaction.id());
            return redirect(pending, OAuth2Error.INVALID_REQUEST.setDescription(e.getMessage()));
        }
        save(authenticated);
        return consentStep(authenticated, null);
    }

    @Override
    public AuthorizationStep consent(String transactionId, String csrf, boolean approved, String pin, String otp)
            throws ServiceException {
        AuthorizationTransaction transaction = transaction(transactionId, csrf);
        PendingAuthorization pending = transaction.pending();
        if (transaction.userId() == null) {
            throw new ServiceException(ErrorCode.ACCESS_DENIED, "log in first");
        }
        if (!approved) {
            transactions.remove(transaction.id());
            audit.record(new AuditEvent(Events.CONSENT_REFUSED, AuditEvent.Outcome.REFUSED, transaction.userId(),
                    transaction.userId(), credentialId(pending), Map.of()).forClient(pending.clientId()));
            return redirect(pending, OAuth2Error.ACCESS_DENIED.setDescription("the user declined"));
        }
        SadGrant grant = null;
        if (pending.credential() != null) {
            List<String> factors;
            try {
                // before this transaction touches the database: no connection is held while the PIN is hashed (G2)
                factors = signingFactors.verify(transaction.userId(), pin, otp, new AuditEvent(
                        Events.AUTHORIZATION_REFUSED, AuditEvent.Outcome.REFUSED, transaction.userId(), transaction.userId(),
                        credentialId(pending), Map.of("reason", SigningFactorsBean.WRONG_AUTHENTICATION, "via", "consent"))
                        .forClient(pending.clientId()));
            } catch (ServiceException e) {
                if (e.code() == ErrorCode.INVALID_REQUEST) {
                    return consentStep(transaction, MISSING_FACTOR);
                }
                if (e.code() == ErrorCode.TEMPORARILY_UNAVAILABLE) {
                    throw e;
                }
                AuthorizationTransaction failed = transaction.failed(SadStore.newValue());
                if (failed.failures() >= MAX_FAILURES) {
                    transactions.remove(transaction.id());
                    return redirect(pending, OAuth2Error.ACCESS_DENIED.setDescription("too many wrong PINs"));
                }
                save(failed);
                return consentStep(failed, WRONG_FACTOR);
            }
            grant = requested(transaction).authenticatedBy(factors, Instant.now());
        }
        if (transactions.remove(transaction.id()) == null || !ledger.claim("consent", Digests.sha256Hex(transaction.id()))) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "this authorization was already completed");
        }
        CodeGrant code = new CodeGrant(pending.clientId(), pending.redirectUri(), pending.codeChallenge(),
                transaction.userId(), pending.scope(), grant,
                pending.credential() == null ? null : pending.credential().authorizationDetails(),
                BearerTokensBean.newFamily(), Instant.now().plusSeconds(AuthorizationCodesBean.LIFETIME_SECONDS), false);
        String value = codes.issue(code);
        audit.record(new AuditEvent(Events.CODE_ISSUED, AuditEvent.Outcome.SUCCESS, transaction.userId(),
                transaction.userId(), credentialId(pending), Map.of("scope", pending.scope(),
                        "factors", grant == null ? "password" : "password " + String.join(" ", grant.factors())))
                .forClient(pending.clientId()));
        AuthorizationSuccessResponse response = new AuthorizationSuccessResponse(URI.create(pending.redirectUri()),
                new AuthorizationCode(value), null, state(pending), endpoints.issuer(), ResponseMode.QUERY);
        return new AuthorizationStep.Redirect(response.toURI());
    }

    @Override
    public byte[] preview(String transactionId, int index) throws ServiceException {
        AuthorizationTransaction transaction = transactionId == null ? null : transactions.get(transactionId);
        CredentialRequest credential = transaction == null || transaction.userId() == null ? null
                : transaction.pending().credential();
        if (credential == null || index < 0 || index >= credential.previews().size()
                || credential.previews().get(index).kind() != DocumentPreview.Kind.IMAGE) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "no such preview");
        }
        return credential.previews().get(index).image();
    }

    /**
     * Checks a request against its client's registration. An unknown client or an unregistered redirect URI is
     * thrown (never redirected to: checklist C1); everything else is a {@link RedirectedError}.
     */
    private PendingAuthorization check(AuthorizationRequest request) throws ServiceException, RedirectedError {
        ClientEntity client = request.getClientID() == null ? null : clients.find(request.getClientID().getValue());
        if (client == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "unknown client_id");
        }
        URI redirect = request.getRedirectionURI();
        if (redirect == null || !client.redirectUris().contains(redirect.toString())) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "redirect_uri is not registered for this client");
        }
        if (!ResponseType.CODE.equals(request.getResponseType())) {
            throw new RedirectedError(OAuth2Error.UNSUPPORTED_RESPONSE_TYPE.setDescription("response_type must be code"));
        }
        if (request.getCodeChallenge() == null || !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            throw new RedirectedError(OAuth2Error.INVALID_REQUEST
                    .setDescription("PKCE is required, with code_challenge_method S256"));
        }
        String scope = scope(request);
        if (!client.scopes().contains(scope)) {
            throw new RedirectedError(OAuth2Error.INVALID_SCOPE.setDescription("the client may not ask for scope " + scope));
        }
        CredentialRequest credential = null;
        if (Scopes.CREDENTIAL.equals(scope)) {
            try {
                credential = CredentialRequest.of(request, maxSignatures);
                credential = credential.withPreviews(CredentialRequest.contents(request).stream()
                        .map(content -> content == null ? DocumentPreview.none(-1) : previews.preview(content)).toList());
            } catch (ServiceException e) {
                throw new RedirectedError(OAuth2Error.INVALID_REQUEST.setDescription(e.getMessage()));
            }
        }
        return new PendingAuthorization(client.clientId(), client.clientName(), redirect.toString(),
                request.getState() == null ? null : request.getState().getValue(), request.getCodeChallenge().getValue(),
                scope, credential);
    }

    private static String scope(AuthorizationRequest request) throws RedirectedError {
        if (CredentialRequest.requestedByDetails(request)) {
            return Scopes.CREDENTIAL;
        }
        Scope scope = request.getScope();
        if (scope == null || scope.size() != 1
                || !(scope.contains(Scopes.SERVICE) || scope.contains(Scopes.CREDENTIAL))) {
            throw new RedirectedError(OAuth2Error.INVALID_SCOPE.setDescription("scope must be service or credential"));
        }
        return scope.iterator().next().getValue();
    }

    /** The credential authorization as the signed-in user may have it: their own credential, valid parameters. */
    private SadGrant requested(AuthorizationTransaction transaction) throws ServiceException {
        CredentialRequest credential = transaction.pending().credential();
        if (credential == null) {
            return null;
        }
        CredentialEntity entity = em.find(CredentialEntity.class, credential.credentialId());
        if (entity == null || !entity.ownerId().equals(transaction.userId())) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "invalid credentialID");
        }
        return SadGrants.requested(entity, transaction.userId(), transaction.pending().clientId(),
                credential.numSignatures(), credential.hashAlgorithmOid(), credential.hashes(), maxSignatures,
                Tenants.policyOfUser(em, transaction.userId()));
    }

    private AuthorizationStep consentStep(AuthorizationTransaction transaction, String error) {
        PendingAuthorization pending = transaction.pending();
        CredentialRequest credential = pending.credential();
        if (credential == null) {
            return new AuthorizationStep.Consent(form(transaction), transaction.userName(), pending.scope(), null, 0, null,
                    List.of(), false, false, error);
        }
        CredentialEntity entity = em.find(CredentialEntity.class, credential.credentialId());
        String described = entity.keyAlgorithm() + " " + (entity.curve() != null ? entity.curve() : entity.keyLength())
                + " (" + entity.id() + ")";
        List<AuthorizationStep.Document> documents = new ArrayList<>();
        for (int i = 0; i < credential.hashes().size(); i++) {
            String label = i < credential.labels().size() ? credential.labels().get(i) : "";
            DocumentPreview preview = i < credential.previews().size() ? credential.previews().get(i) : DocumentPreview.none(-1);
            documents.add(new AuthorizationStep.Document(label, credential.hashes().get(i),
                    preview.kind() == DocumentPreview.Kind.NONE ? null : preview.kind().name().toLowerCase(java.util.Locale.ROOT),
                    preview.text(), preview.size()));
        }
        return new AuthorizationStep.Consent(form(transaction), transaction.userName(), pending.scope(), described,
                credential.numSignatures() == null ? 0 : credential.numSignatures(), credential.description(), documents,
                true, signingFactors.otpRequired(transaction.userId()), error);
    }

    private AuthorizationTransaction transaction(String id, String csrf) throws ServiceException {
        AuthorizationTransaction transaction = id == null ? null : transactions.get(id);
        if (transaction == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "this sign-in has expired; start again from the application");
        }
        if (csrf == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                transaction.csrf().getBytes(StandardCharsets.UTF_8))) {
            throw new ServiceException(ErrorCode.ACCESS_DENIED, "the form is stale or forged; start again from the application");
        }
        return transaction;
    }

    private void save(AuthorizationTransaction transaction) {
        transactions.put(transaction.id(), transaction, TRANSACTION_SECONDS, TimeUnit.SECONDS);
    }

    private static AuthorizationStep.Form form(AuthorizationTransaction transaction) {
        return new AuthorizationStep.Form(transaction.id(), transaction.csrf(), transaction.pending().clientName());
    }

    private AuthorizationStep redirect(PendingAuthorization pending, ErrorObject error) {
        return redirect(URI.create(pending.redirectUri()), state(pending), error);
    }

    private AuthorizationStep redirect(URI redirectUri, State state, ErrorObject error) {
        return new AuthorizationStep.Redirect(new AuthorizationErrorResponse(redirectUri, error, state, endpoints.issuer(),
                ResponseMode.QUERY).toURI());
    }

    private static State state(PendingAuthorization pending) {
        return pending.state() == null ? null : new State(pending.state());
    }

    private static String credentialId(PendingAuthorization pending) {
        return pending.credential() == null ? null : pending.credential().credentialId();
    }
}
