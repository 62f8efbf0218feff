package org.sigillum.web.admin;

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
import org.sigillum.api.oauth.ClientRegistrationRequest;
import org.sigillum.api.oauth.RegisteredClient;
import org.sigillum.api.service.ClientRegistry;
import org.sigillum.api.service.Groups;
import org.sigillum.api.tenancy.GroupAssignment;
import org.sigillum.web.security.OperatorOnly;

@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@OperatorOnly
@SecurityRequirement(name = "operator")
public class ClientsResource {

    @EJB
    private ClientRegistry clients;
    @EJB
    private Groups groups;

    @POST
    @Operation(summary = "Register a client application (RFC 7591 fields); the answer shows its secret once")
    public Response register(ClientRegistrationRequest request) throws ServiceException {
        return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store")
                .entity(clients.register(request)).build();
    }

    @GET
    @Operation(summary = "The registered client applications")
    public List<RegisteredClient> clients() {
        return clients.clients();
    }

    @GET
    @Path("{id}")
    public RegisteredClient client(@PathParam("id") String id) throws ServiceException {
        return clients.client(id);
    }

    @PUT
    @Path("{id}/group")
    @Operation(summary = "Move a client application to another group ({\"group\":id}); its tokens are revoked")
    public RegisteredClient move(@PathParam("id") String id, GroupAssignment assignment) throws ServiceException {
        groups.moveClient(id, assignment == null ? null : assignment.group());
        return clients.client(id);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a client application and revoke its tokens")
    public Response delete(@PathParam("id") String id) throws ServiceException {
        clients.delete(id);
        return Response.noContent().build();
    }
}
