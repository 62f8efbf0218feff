package org.sigillum.web.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.sigillum.api.admin.AddTrustAnchorRequest;
import org.sigillum.api.admin.TrustAnchorView;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.TrustAnchorRegistry;
import org.sigillum.web.security.OperatorOnly;

@Path("/api/v1/trust-anchors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@OperatorOnly
@SecurityRequirement(name = "operator")
public class TrustAnchorsResource {

    @EJB
    private TrustAnchorRegistry registry;

    @POST
    @Operation(summary = "Trust a certificate (base64 DER or PEM) for validation, beside the built-in root")
    public Response add(AddTrustAnchorRequest request) throws ServiceException {
        return Response.status(Response.Status.CREATED).entity(registry.add(request)).build();
    }

    @GET
    @Operation(summary = "The operator's validation trust anchors")
    public List<TrustAnchorView> anchors() {
        return registry.anchors();
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) throws ServiceException {
        registry.remove(id);
        return Response.noContent().build();
    }
}
