package org.sigillum.web.federation;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.federation.IdentityProviderRequest;
import org.sigillum.api.federation.IdentityProviderView;
import org.sigillum.api.service.IdentityProviders;
import org.sigillum.web.security.OperatorOnly;

/** The operator's identity providers (OIDC, SAML 2.0) and the global level-of-assurance policy. */
@Path("/api/v1/identity-providers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@OperatorOnly
@SecurityRequirement(name = "operator")
public class IdentityProvidersResource {

    @EJB
    private IdentityProviders providers;

    @POST
    @Operation(summary = "Register an identity provider; its secret is stored sealed and never returned")
    public Response create(IdentityProviderRequest request) throws ServiceException {
        return Response.status(Response.Status.CREATED).entity(providers.create(request)).build();
    }

    @GET
    @Operation(summary = "The registered identity providers (without secrets)")
    public List<IdentityProviderView> providers() {
        return providers.providers();
    }

    @GET
    @Path("{alias}")
    public IdentityProviderView provider(@PathParam("alias") String alias) throws ServiceException {
        return providers.provider(alias);
    }

    @PUT
    @Path("{alias}")
    @Operation(summary = "Change a provider; a null secret keeps the stored one")
    public IdentityProviderView update(@PathParam("alias") String alias, IdentityProviderRequest request)
            throws ServiceException {
        return providers.update(alias, request);
    }

    @DELETE
    @Path("{alias}")
    @Operation(summary = "Remove a provider and every identity linked through it")
    public Response delete(@PathParam("alias") String alias) throws ServiceException {
        providers.delete(alias);
        return Response.noContent().build();
    }
}
