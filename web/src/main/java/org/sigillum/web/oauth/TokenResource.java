package org.sigillum.web.oauth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuthorizationEndpoint;
import org.sigillum.api.service.TokenEndpoint;

/** The form-encoded OAuth 2.0 endpoints of CSC v2: token, revoke and pushed authorization requests. */
@Path("/csc/v2/oauth2")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @EJB
    private TokenEndpoint tokens;
    @EJB
    private AuthorizationEndpoint authorizations;
    @Inject
    private PublicUrls urls;

    @POST
    @Path("token")
    @Operation(summary = "OAuth 2.0 token endpoint: authorization_code (PKCE S256), refresh_token, client_credentials")
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body)
            throws ServiceException {
        try {
            TokenRequest request = TokenRequest.parse(OAuthRequests.form(urls.oauth("token"), authorization, body));
            return noStore(Response.ok(tokens.token(request)));
        } catch (ParseException e) {
            throw OAuthRequests.refusal(e);
        }
    }

    @POST
    @Path("revoke")
    @Operation(summary = "OAuth 2.0 token revocation (RFC 7009); revoking a refresh token revokes its grant")
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body)
            throws ServiceException {
        try {
            tokens.revoke(TokenRevocationRequest.parse(OAuthRequests.form(urls.oauth("revoke"), authorization, body)));
            return noStore(Response.ok());
        } catch (ParseException e) {
            throw OAuthRequests.refusal(e);
        }
    }

    @POST
    @Path("pushed_authorize")
    @Operation(summary = "Pushed authorization request (RFC 9126): returns a request_uri for oauth2/authorize")
    public Response push(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body)
            throws ServiceException {
        try {
            PushedAuthorizationRequest request = PushedAuthorizationRequest.parse(
                    OAuthRequests.form(urls.oauth("pushed_authorize"), authorization, body));
            return noStore(Response.status(Response.Status.CREATED).entity(authorizations.push(request)));
        } catch (ParseException e) {
            throw OAuthRequests.refusal(e);
        }
    }

    private static Response noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
