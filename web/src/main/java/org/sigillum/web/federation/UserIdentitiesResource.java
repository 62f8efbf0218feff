package org.sigillum.web.federation;

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
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.federation.IdentityLinkRequest;
import org.sigillum.api.federation.IdentityLinkView;
import org.sigillum.api.service.FederatedIdentities;
import org.sigillum.web.security.OperatorOnly;

/** An account's links to identities at providers (OIDC sub, SAML NameID). */
@Path("/api/v1/users/{id}/identities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@OperatorOnly
@SecurityRequirement(name = "operator")
public class UserIdentitiesResource {

    @EJB
    private FederatedIdentities identities;

    @POST
    @Operation(summary = "Link the account to {provider, subject}; a federated login then signs in as this account")
    public Response link(@PathParam("id") String id, IdentityLinkRequest request) throws ServiceException {
        return Response.status(Response.Status.CREATED).entity(identities.link(id, request)).build();
    }

    @GET
    public List<IdentityLinkView> links(@PathParam("id") String id) throws ServiceException {
        return identities.links(id);
    }

    @DELETE
    @Path("{linkId}")
    public Response unlink(@PathParam("id") String id, @PathParam("linkId") String linkId) throws ServiceException {
        identities.unlink(id, linkId);
        return Response.noContent().build();
    }
}
