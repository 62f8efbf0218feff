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
import org.sigillum.api.device.DeviceView;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.Devices;
import org.sigillum.web.security.OperatorOnly;

/** A user's approval devices, for the operator (who stands in for the user portal here). */
@Path("/api/v1/users/{id}/devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@OperatorOnly
@SecurityRequirement(name = "operator")
public class DevicesResource {

    @EJB
    private Devices devices;

    @POST
    @Path("enrolment")
    @Operation(summary = "A single-use code (10 minutes) with which the user's device registers its ES256 key")
    public Response enrolment(@PathParam("id") String id) throws ServiceException {
        return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store")
                .entity(devices.issueEnrolmentCode(id)).build();
    }

    @GET
    @Operation(summary = "The user's registered devices")
    public List<DeviceView> list(@PathParam("id") String id) throws ServiceException {
        return devices.devices(id);
    }

    @DELETE
    @Path("{deviceId}")
    @Operation(summary = "Remove a device; it approves nothing from then on")
    public Response delete(@PathParam("id") String id, @PathParam("deviceId") String deviceId) throws ServiceException {
        devices.delete(id, deviceId);
        return Response.noContent().build();
    }
}
