package org.sigillum.web.csc.v1;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.csc.AuthorizeResponse;
import org.sigillum.api.csc.CredentialInfo;
import org.sigillum.api.csc.CredentialInfoRequest;
import org.sigillum.api.csc.CredentialsListRequest;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.CscCredentials;
import org.sigillum.api.service.CscSigningCodes;
import org.sigillum.api.csc.SendOtpRequest;
import org.sigillum.web.security.BearerFilter;
import org.sigillum.web.security.BearerHeader;
import org.sigillum.web.security.CscAuthenticated;

/** CSC v1.0.4.0 credentials methods, translated to the services the v2 methods call. */
@Path("/csc/v1/credentials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@CscAuthenticated
public class V1CredentialsResource {

    @EJB
    private CscCredentials credentials;
    @EJB
    private CscSigningCodes codes;

    @POST
    @Path("list")
    @Operation(summary = "CSC v1 credentials/list, with maxResults and pageToken")
    public V1Messages.ListResponse list(@Context SecurityContext security, V1Messages.ListRequest request)
            throws ServiceException {
        List<String> all = credentials.list(BearerFilter.principal(security),
                new CredentialsListRequest(null, false, "none", false, false, false, null)).credentialIDs();
        Integer max = request == null ? null : request.maxResults();
        if (max != null && max < 1) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "maxResults must be at least 1");
        }
        int start = V1Translation.pageStart(request == null ? null : request.pageToken(), all.size());
        int end = max == null ? all.size() : Math.min(all.size(), start + max);
        return new V1Messages.ListResponse(all.subList(start, end), end < all.size() ? String.valueOf(end) : null);
    }

    @POST
    @Path("info")
    @Operation(summary = "CSC v1 credentials/info: authMode, PIN and OTP instead of v2's auth")
    public V1Messages.CredentialInfoResponse info(@Context SecurityContext security,
                                                  @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                                  V1Messages.InfoRequest request) throws ServiceException {
        V1Translation.requireBody(request);
        CredentialInfo v2 = credentials.info(BearerFilter.principal(security), BearerHeader.token(authorization),
                V1Translation.infoRequest(request));
        return V1Translation.credentialInfo(v2, Boolean.TRUE.equals(request.authInfo()));
    }

    @POST
    @Path("authorize")
    @Operation(summary = "CSC v1 credentials/authorize with PIN (and OTP) strings and hash[]")
    public AuthorizeResponse authorize(@Context SecurityContext security, V1Messages.AuthorizeRequest request)
            throws ServiceException {
        V1Translation.requireBody(request);
        return credentials.authorize(BearerFilter.principal(security), V1Translation.authorize(request));
    }

    @POST
    @Path("extendTransaction")
    @Operation(summary = "CSC v1 credentials/extendTransaction with hash[]")
    public AuthorizeResponse extendTransaction(@Context SecurityContext security,
                                               V1Messages.ExtendTransactionRequest request) throws ServiceException {
        V1Translation.requireBody(request);
        return credentials.extendTransaction(BearerFilter.principal(security), V1Translation.extendTransaction(request));
    }

    /**
     * v1 sendOTP asks the service to deliver an online OTP: by e-mail or SMS where the user receives codes that way
     * (204 once sent); for a user whose code comes from a TOTP app there is nothing to send (204); for a credential
     * authorized by the PIN alone the call is a mistake (400).
     */
    @POST
    @Path("sendOTP")
    @Operation(summary = "CSC v1 credentials/sendOTP: sends the credential's code by e-mail or SMS (204)")
    public Response sendOtp(@Context SecurityContext security, V1Messages.SendOtpRequest request) throws ServiceException {
        V1Translation.requireBody(request);
        codes.send(BearerFilter.principal(security), new SendOtpRequest(request.credentialID(), null, null, null, null,
                request.clientData()));
        return Response.noContent().build();
    }
}
