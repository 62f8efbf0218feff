package org.sigillum.web.pki;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.OcspService;

/**
 * The OCSP responder of the built-in issuing CA over HTTP (RFC 6960 A.1): POST with the DER request, or GET
 * with it base64- and URL-encoded in the path. What does not decode is answered malformedRequest, in OCSP's
 * own format; only an oversized body gets the API's error.
 */
@Path("/ocsp")
public class OcspResource {

    static final String REQUEST = "application/ocsp-request";
    static final String RESPONSE = "application/ocsp-response";

    @EJB
    private OcspService ocsp;

    @POST
    @Consumes(REQUEST)
    @Produces(RESPONSE)
    @Operation(summary = "OCSP (RFC 6960) for certificates of the built-in issuing CA")
    public Response post(@HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) throws ServiceException {
        if (length != null && length > ProtocolBodies.MAX_BYTES) {
            throw new ServiceException(ErrorCode.PAYLOAD_TOO_LARGE, "the request body exceeds " + ProtocolBodies.MAX_BYTES + " bytes");
        }
        return answer(ProtocolBodies.read(body));
    }

    @GET
    @Path("{request: .+}")
    @Produces(RESPONSE)
    @Operation(summary = "OCSP (RFC 6960) with the request in the URL (base64, URL-encoded)")
    public Response get(@PathParam("request") String encoded) throws ServiceException {
        return answer(decode(encoded));
    }

    private Response answer(byte[] request) throws ServiceException {
        return Response.ok(ocsp.respond(request), RESPONSE).header("Cache-Control", "no-store").build();
    }

    /** Standard base64 as RFC 6960 says, or base64url as some clients send; nothing at all is malformed too. */
    private static byte[] decode(String encoded) {
        if (encoded.length() > ProtocolBodies.MAX_BYTES) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getUrlDecoder().decode(encoded);
            } catch (IllegalArgumentException again) {
                return new byte[0];
            }
        }
    }
}
