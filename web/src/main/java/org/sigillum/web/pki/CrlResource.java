package org.sigillum.web.pki;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.CrlDistribution;

/** The CRLs of the built-in CAs, where their certificates' CRL distribution points say they are. */
@Path("/crl")
public class CrlResource {

    @EJB
    private CrlDistribution crls;

    @GET
    @Path("{name:root|issuing}.crl")
    @Produces("application/pkix-crl")
    @Operation(summary = "The current CRL of a built-in CA (DER)")
    public Response crl(@PathParam("name") String name) throws ServiceException {
        // a revocation publishes a new CRL at once: caches must ask again rather than serve the old one
        return Response.ok(crls.crl(name)).header("Cache-Control", "no-cache").build();
    }
}
