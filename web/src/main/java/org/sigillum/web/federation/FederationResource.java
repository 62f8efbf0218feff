package org.sigillum.web.federation;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.oauth.AuthorizationStep;
import org.sigillum.api.service.FederatedLogins;
import org.sigillum.api.service.OidcSignIn;
import org.sigillum.web.oauth.AuthorizeResource;
import org.sigillum.web.oauth.Pages;

/**
 * The browser's way to an identity provider and back, under the authorization cookie's path so that the answer is
 * tied to the browser that started the sign-in. A refusal is a page of its own (403): the client application is
 * not told who tried.
 */
@Path(AuthorizeResource.BASE + "/federation")
@Produces(MediaType.TEXT_HTML)
public class FederationResource {

    @EJB
    private FederatedLogins federation;
    @EJB
    private OidcSignIn oidc;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response start(@CookieParam(AuthorizeResource.COOKIE) String transaction, @FormParam("csrf") String csrf,
                          @FormParam("provider") String provider) {
        try {
            return Response.seeOther(federation.start(transaction, csrf, provider)).header("Cache-Control", "no-store")
                    .build();
        } catch (ServiceException e) {
            return Pages.error(e.code().httpStatus(), e.getMessage());
        }
    }

    @GET
    @Path("oidc")
    @Operation(hidden = true)
    public Response oidcCallback(@CookieParam(AuthorizeResource.COOKIE) String transaction, @Context UriInfo uri) {
        try {
            return respond(oidc.callback(transaction, uri.getQueryParameters()));
        } catch (ServiceException e) {
            return Pages.error(e.code().httpStatus(), e.getMessage());
        }
    }

    /** The consent page, or a redirect: to the client with an error, or back to the provider for a step-up. */
    static Response respond(AuthorizationStep step) {
        if (step instanceof AuthorizationStep.Redirect redirect) {
            return Response.seeOther(redirect.location()).header("Cache-Control", "no-store").build();
        }
        if (step instanceof AuthorizationStep.Consent consent) {
            return Pages.consent(consent);
        }
        return Pages.error(400, "This sign-in cannot go on; start again from the application.");
    }
}
