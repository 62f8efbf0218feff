package org.sigillum.web;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.CaCertificates;

/** The built-in CA's certificates (and the TSA's), public, where its certificates' AIA extension says they are. */
@Path("/ca")
public class CaCertificateResource {

    @EJB
    private CaCertificates ca;

    @GET
    @Path("{name:root|issuing|tsa}.crt")
    @Produces("application/pkix-cert")
    @Operation(summary = "A certificate of the built-in CA or TSA (DER)")
    public Response certificate(@PathParam("name") String name) throws ServiceException {
        byte[] der = ca.caCertificate(name);
        if (der == null) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "no such CA certificate");
        }
        return Response.ok(der).header("Cache-Control", "public, max-age=3600").build();
    }
}
