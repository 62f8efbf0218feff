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
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sigillum.api.csc.SignHashResponse;
import org.sigillum.api.csc.TimestampResponse;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.CscCredentials;
import org.sigillum.api.service.CscTimestamps;
import org.sigillum.web.security.BearerFilter;
import org.sigillum.web.security.BearerHeader;
import org.sigillum.web.security.CscAuthenticated;

/** CSC v1.0.4.0 signatures methods, translated to the services the v2 methods call. */
@Path("/csc/v1/signatures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@CscAuthenticated
public class V1SignaturesResource {

    @EJB
    private CscCredentials credentials;
    @EJB
    private CscTimestamps timestamps;

    @POST
    @Path("signHash")
    @Operation(summary = "CSC v1 signatures/signHash with hash[] and hashAlgo")
    public SignHashResponse signHash(@Context SecurityContext security,
                                     @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                     V1Messages.SignHashRequest request) throws ServiceException {
        V1Translation.requireBody(request);
        return credentials.signHash(BearerFilter.principal(security), BearerHeader.token(authorization),
                V1Translation.signHash(request));
    }

    @POST
    @Path("timestamp")
    @Operation(summary = "CSC v1 signatures/timestamp with hash and hashAlgo")
    public TimestampResponse timestamp(@Context SecurityContext security, V1Messages.TimestampRequest request)
            throws ServiceException {
        V1Translation.requireBody(request);
        return timestamps.timestamp(BearerFilter.principal(security), V1Translation.timestamp(request));
    }
}
