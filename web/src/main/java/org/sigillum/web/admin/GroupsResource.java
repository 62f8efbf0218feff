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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.Groups;
import org.sigillum.api.tenancy.GroupRequest;
import org.sigillum.api.tenancy.GroupView;
import org.sigillum.web.security.OperatorOnly;

@Path("/api/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@OperatorOnly
@SecurityRequirement(name = "operator")
public class GroupsResource {

    @EJB
    private Groups groups;

    @POST
    @Operation(summary = "Create a group of service providers with its policy ({\"name\",\"policy\"}); answers its id")
    public Response create(GroupRequest request) throws ServiceException {
        return Response.status(Response.Status.CREATED).entity(Map.of("id", groups.create(request))).build();
    }

    @GET
    @Operation(summary = "The groups and their policies")
    public List<GroupView> groups() {
        return groups.groups();
    }

    @GET
    @Path("{id}")
    public GroupView group(@PathParam("id") String id) throws ServiceException {
        return groups.group(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a group's name and policy")
    public GroupView update(@PathParam("id") String id, GroupRequest request) throws ServiceException {
        return groups.update(id, request);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a group that no client application and no account belongs to")
    public Response delete(@PathParam("id") String id) throws ServiceException {
        groups.delete(id);
        return Response.noContent().build();
    }
}
