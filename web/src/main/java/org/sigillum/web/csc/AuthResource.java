package org.sigillum.web.csc;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sigillum.api.csc.LoginRequest;
import org.sigillum.api.csc.LoginResponse;
import org.sigillum.api.csc.RevokeRequest;
import org.sigillum.api.error.ApiError;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.BearerTokens;
import org.sigillum.api.service.LocalLogin;
import org.sigillum.web.security.BearerFilter;
import org.sigillum.web.security.CscAuthenticated;

@Path("/csc/v2/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private static final String BASIC = "Basic ";

    @EJB
    private LocalLogin login;
    @EJB
    private BearerTokens tokens;

    @POST
    @Path("login")
    @Operation(summary = "CSC auth/login: HTTP Basic credentials of a local account, or a refresh_token, for a service token")
    public Response login(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, LoginRequest request)
            throws ServiceException {
        if (authorization == null && request != null && request.refreshToken() != null) {
            return Response.ok(login.refresh(request.refreshToken())).header("Cache-Control", "no-store").build();
        }
        String[] credentials = basicCredentials(authorization);
        if (credentials == null) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sigillum\", charset=\"UTF-8\"")
                    .entity(ApiError.of(ErrorCode.INVALID_REQUEST, "HTTP Basic credentials are required")).build();
        }
        boolean rememberMe = request != null && Boolean.TRUE.equals(request.rememberMe());
        LoginResponse response = login.login(credentials[0], credentials[1].toCharArray(), rememberMe);
        return Response.ok(response).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @CscAuthenticated
    @Operation(summary = "CSC auth/revoke: revoke one of the caller's tokens (RFC 7009 semantics)")
    public Response revoke(@Context SecurityContext security, RevokeRequest request) throws ServiceException {
        if (request == null || request.token() == null || request.token().isBlank()) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "token is required");
        }
        tokens.revoke(BearerFilter.principal(security).userId(), request.token());
        return Response.noContent().build();
    }

    /** username and password of an HTTP Basic header (RFC 7617, UTF-8), or null when absent or malformed. */
    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 1 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
