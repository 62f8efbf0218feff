package org.sigillum.web.device;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sigillum.api.device.ApprovalDecision;
import org.sigillum.api.device.DeviceRegistration;
import org.sigillum.api.device.PendingApproval;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.Devices;

/**
 * The device's own API: registration with an enrolment code, then, authenticated by a JWT the device signs with its
 * key ({@code Authorization: Bearer}), its pending approvals and its decisions.
 */
@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private static final String BEARER = "Bearer ";

    @EJB
    private Devices devices;

    @POST
    @Operation(summary = "Register a device: enrolmentCode, name and its ES256 public key as a JWK; returns deviceId")
    public Response register(DeviceRegistration registration) throws ServiceException {
        return Response.status(Response.Status.CREATED).entity(Map.of("deviceId", devices.register(registration))).build();
    }

    @GET
    @Path("self/approvals")
    @Operation(summary = "The signing requests waiting for this device, with the exact content to sign")
    public Response approvals(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) throws ServiceException {
        List<PendingApproval> pending = devices.pendingApprovals(token(authorization));
        return Response.ok(pending).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("self/approvals/{approvalId}")
    @Operation(summary = "Approve or decline, signed over the approval's content and the decision")
    public Response decide(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @PathParam("approvalId") String approvalId, ApprovalDecision decision) throws ServiceException {
        devices.decide(token(authorization), approvalId, decision);
        return Response.noContent().build();
    }

    private static String token(String authorization) throws ServiceException {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            throw new ServiceException(ErrorCode.INVALID_TOKEN, "a device token is required (Authorization: Bearer)");
        }
        return authorization.substring(BEARER.length()).trim();
    }
}
