package org.sigillum.web.pki;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.TimeStampAuthority;

/**
 * The built-in RFC 3161 time-stamping authority over HTTP (RFC 3161 3.4). Refusals of the request itself
 * (algorithm, format, policy) are TimeStampResp rejections; only an oversized body gets the API's error.
 */
@Path("/tsa")
public class TsaResource {

    static final String QUERY = "application/timestamp-query";
    static final String REPLY = "application/timestamp-reply";

    @EJB
    private TimeStampAuthority tsa;

    @POST
    @Consumes(QUERY)
    @Produces(REPLY)
    @Operation(summary = "RFC 3161 time-stamp: a DER TimeStampReq in, a DER TimeStampResp out")
    public Response timestamp(@HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body)
            throws ServiceException {
        if (length != null && length > ProtocolBodies.MAX_BYTES) {
            throw new ServiceException(ErrorCode.PAYLOAD_TOO_LARGE, "the request body exceeds " + ProtocolBodies.MAX_BYTES + " bytes");
        }
        return Response.ok(tsa.respond(ProtocolBodies.read(body)), REPLY).header("Cache-Control", "no-store").build();
    }
}
