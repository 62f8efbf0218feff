package org.sigillum.web.csc;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.sigillum.api.auth.TokenPrincipal;
import org.sigillum.api.csc.AsyncResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sigillum.api.csc.AuthorizeRequest;
import org.sigillum.api.csc.AuthorizeResponse;
import org.sigillum.api.csc.CredentialInfo;
import org.sigillum.api.csc.CredentialInfoRequest;
import org.sigillum.api.csc.CredentialsListRequest;
import org.sigillum.api.csc.CredentialsListResponse;
import org.sigillum.api.csc.ExtendTransactionRequest;
import org.sigillum.api.csc.SignDocRequest;
import org.sigillum.api.csc.SignDocResponse;
import org.sigillum.api.csc.SignHashRequest;
import org.sigillum.api.csc.SignHashResponse;
import org.sigillum.api.csc.SignPollingRequest;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.csc.SendOtpRequest;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AsyncSigning;
import org.sigillum.api.service.CscSigningCodes;
import org.sigillum.api.service.CscCredentials;
import org.sigillum.api.service.DocumentSigning;
import org.sigillum.web.SharedJsonb;
import org.sigillum.web.security.BearerFilter;
import org.sigillum.web.security.BearerHeader;
import org.sigillum.web.security.CscAuthenticated;
import org.sigillum.web.security.NoStore;

@Path("/csc/v2")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@CscAuthenticated
public class CredentialsResource {

    @EJB
    private CscCredentials credentials;
    @EJB
    private DocumentSigning documents;
    @EJB
    private AsyncSigning async;
    @EJB
    private CscSigningCodes codes;

    @POST
    @Path("credentials/list")
    @Operation(summary = "CSC credentials/list: the caller's credentials")
    public CredentialsListResponse list(@Context SecurityContext security, CredentialsListRequest request)
            throws ServiceException {
        return credentials.list(BearerFilter.principal(security), request);
    }

    @POST
    @Path("credentials/info")
    @Operation(summary = "CSC credentials/info: key, authentication and sole-control level of one credential")
    public CredentialInfo info(@Context SecurityContext security,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               CredentialInfoRequest request) throws ServiceException {
        return credentials.info(BearerFilter.principal(security), BearerHeader.token(authorization), request);
    }

    @POST
    @NoStore
    @Path("credentials/authorize")
    @Operation(summary = "CSC credentials/authorize: explicit authorization with the PIN, returning a single-use SAD")
    public AuthorizeResponse authorize(@Context SecurityContext security, AuthorizeRequest request) throws ServiceException {
        return credentials.authorize(BearerFilter.principal(security), request);
    }

    @POST
    @NoStore
    @Path("credentials/extendTransaction")
    @Operation(summary = "CSC credentials/extendTransaction: trade a live SAD for a new one with a fresh lifetime")
    public AuthorizeResponse extendTransaction(@Context SecurityContext security, ExtendTransactionRequest request)
            throws ServiceException {
        return credentials.extendTransaction(BearerFilter.principal(security), request);
    }

    @POST
    @Path("credentials/getChallenge")
    @Operation(summary = "CSC credentials/getChallenge: send the e-mail or SMS code (authObjectID EMAIL_OTP or SMS_OTP) for "
            + "this credential and, when given, exactly these hashes (204 once sent); or ask the user's device to approve "
            + "these hashes (authObjectID DEVICE; 200 with the challenge)")
    public Response getChallenge(@Context SecurityContext security, SendOtpRequest request) throws ServiceException {
        if (request != null && "DEVICE".equals(request.authObjectID())) {
            // the approval's ID: authorize presents it as authData DEVICE once the device approved
            return Response.ok(java.util.Map.of("challenge", codes.requestApproval(BearerFilter.principal(security), request)))
                    .build();
        }
        if (!codes.send(BearerFilter.principal(security), request)) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "this credential's code comes from an authenticator app");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("signatures/signHash")
    @Operation(summary = "CSC signatures/signHash: sign hashes under a SAD, or under a credential-scope token; "
            + "operationMode A answers 202 with a responseID for signatures/signPolling")
    public Response signHash(@Context SecurityContext security,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             SignHashRequest request) throws ServiceException {
        TokenPrincipal caller = BearerFilter.principal(security);
        String token = BearerHeader.token(authorization);
        if (request != null && OperationModes.asynchronous(request.operationMode(), request.responseUri())) {
            String responseId = async.submit(caller, "signHash", request.validityPeriod(),
                    () -> SharedJsonb.instance().toJson(credentials.signHash(caller, token, request)));
            return Response.status(Response.Status.ACCEPTED).entity(new AsyncResponse(responseId)).build();
        }
        SignHashResponse signatures = credentials.signHash(caller, token, request);
        return Response.ok(signatures).build();
    }

    @POST
    @Path("signatures/signDoc")
    @Operation(summary = "CSC signatures/signDoc: PAdES, XAdES, CAdES or JAdES signatures of whole documents under a "
            + "SAD; operationMode A answers 202 with a responseID for signatures/signPolling")
    public Response signDoc(@Context SecurityContext security,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            SignDocRequest request) throws ServiceException {
        if (request == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "a JSON body is required");
        }
        TokenPrincipal caller = BearerFilter.principal(security);
        String token = BearerHeader.token(authorization);
        if (OperationModes.asynchronous(request.operationMode(), request.responseUri())) {
            String responseId = async.submit(caller, "signDoc", request.validityPeriod(),
                    () -> SharedJsonb.instance().toJson(documents.signDoc(caller, token, request)));
            return Response.status(Response.Status.ACCEPTED).entity(new AsyncResponse(responseId)).build();
        }
        SignDocResponse signed = documents.signDoc(caller, token, request);
        return Response.ok(signed).build();
    }

    @POST
    @Path("signatures/signPolling")
    @Operation(summary = "CSC signatures/signPolling: the outcome of an asynchronous signHash or signDoc, or 400 "
            + "invalid_request while it runs")
    public Response signPolling(@Context SecurityContext security, SignPollingRequest request) throws ServiceException {
        String outcome = async.poll(BearerFilter.principal(security), request == null ? null : request.responseID());
        return Response.ok(outcome, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
