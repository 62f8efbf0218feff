package org.sigillum.web.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ParseException;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.oauth.AuthorizationStep;
import org.sigillum.api.service.AuthorizationEndpoint;
import org.sigillum.api.service.FederatedLogins;
import org.sigillum.api.service.IdentityProviders;

/**
 * The browser side of the authorization-code flow. The transaction is named by an HttpOnly cookie, never by the
 * form; each form carries the transaction's current CSRF value, so another site can neither post into a
 * user's sign-in nor start one in the user's browser that the user would then complete.
 */
@Path(AuthorizeResource.BASE)
@Produces(MediaType.TEXT_HTML)
public class AuthorizeResource {

    public static final String BASE = "/csc/v2/oauth2/authorize";
    static final String LOGIN_PATH = BASE + "/login";
    static final String CONSENT_PATH = BASE + "/consent";
    static final String PREVIEW_PATH = BASE + "/preview";
    public static final String COOKIE = "sigillum_authz";
    private static final int COOKIE_SECONDS = 600;

    @EJB
    private AuthorizationEndpoint endpoint;
    @EJB
    private FederatedLogins federation;
    @EJB
    private IdentityProviders providers;
    @Inject
    private PublicUrls urls;

    @GET
    @Operation(summary = "OAuth 2.0 authorization endpoint (CSC v2 oauth2/authorize): login and consent pages")
    public Response authorize(@Context UriInfo uri) {
        AuthorizationRequest request;
        try {
            request = AuthorizationRequest.parse(uri.getRequestUri());
        } catch (ParseException e) {
            return Pages.error(400, "The authorization request is malformed: " + e.getMessage());
        }
        try {
            AuthorizationStep step = endpoint.begin(request);
            String hint = uri.getQueryParameters().getFirst("idp_hint");
            if (hint != null && step instanceof AuthorizationStep.Login login) {
                // idp_hint: straight to that provider, the transaction's cookie set as for the login page
                return Response.seeOther(federation.start(login.form().transactionId(), login.form().csrf(), hint))
                        .cookie(cookie(login.form().transactionId(), COOKIE_SECONDS)).header("Cache-Control", "no-store")
                        .build();
            }
            return respond(step);
        } catch (ServiceException e) {
            return Pages.error(400, e.getMessage());
        }
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response login(@CookieParam(COOKIE) String transaction, @FormParam("csrf") String csrf,
                          @FormParam("username") String username, @FormParam("password") String password) {
        try {
            return respond(endpoint.login(transaction, csrf, username, password == null ? new char[0]
                    : password.toCharArray()));
        } catch (ServiceException e) {
            return Pages.error(400, e.getMessage());
        }
    }

    @POST
    @Path("consent")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response consent(@CookieParam(COOKIE) String transaction, @FormParam("csrf") String csrf,
                            @FormParam("decision") String decision, @FormParam("pin") String pin,
                            @FormParam("otp") String otp) {
        try {
            return respond(endpoint.consent(transaction, csrf, "approve".equals(decision), pin, otp));
        } catch (ServiceException e) {
            return Pages.error(400, e.getMessage());
        }
    }

    @GET
    @Path("preview/{index}")
    @Produces("image/png")
    @Operation(hidden = true)
    public Response preview(@CookieParam(COOKIE) String transaction, @PathParam("index") int index) {
        try {
            return Response.ok(endpoint.preview(transaction, index)).header("Cache-Control", "no-store")
                    .header("X-Content-Type-Options", "nosniff").build();
        } catch (ServiceException e) {
            return Response.status(404).build();
        }
    }

    private Response respond(AuthorizationStep step) {
        if (step instanceof AuthorizationStep.Redirect redirect) {
            return Response.seeOther(redirect.location()).cookie(cookie("", 0)).header("Cache-Control", "no-store")
                    .build();
        }
        if (step instanceof AuthorizationStep.Login login) {
            return withCookie(Pages.login(login, providers.enabled()), login.form());
        }
        AuthorizationStep.Consent consent = (AuthorizationStep.Consent) step;
        return withCookie(Pages.consent(consent), consent.form());
    }

    private Response withCookie(Response page, AuthorizationStep.Form form) {
        return Response.fromResponse(page).cookie(cookie(form.transactionId(), COOKIE_SECONDS)).build();
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/csc/v2/oauth2/authorize").maxAge(maxAge)
                .httpOnly(true).secure(urls.secure()).sameSite(NewCookie.SameSite.LAX).build();
    }
}
