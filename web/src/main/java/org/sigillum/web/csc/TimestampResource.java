package org.sigillum.web.csc;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sigillum.api.csc.TimestampRequest;
import org.sigillum.api.csc.TimestampResponse;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.CscTimestamps;
import org.sigillum.web.security.BearerFilter;
import org.sigillum.web.security.CscAuthenticated;

@Path("/csc/v2")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@CscAuthenticated
public class TimestampResource {

    @EJB
    private CscTimestamps timestamps;

    @POST
    @Path("signatures/timestamp")
    @Operation(summary = "CSC signatures/timestamp: an RFC 3161 time-stamp token over a hash")
    public TimestampResponse timestamp(@Context SecurityContext security, TimestampRequest request)
            throws ServiceException {
        return timestamps.timestamp(BearerFilter.principal(security), request);
    }
}
