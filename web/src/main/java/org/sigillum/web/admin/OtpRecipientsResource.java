package org.sigillum.web.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.sigillum.api.admin.OtpRecipientRequest;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.OtpRecipients;
import org.sigillum.web.security.OperatorOnly;

/** Where a user receives signing codes: {@code email} ({@code {"address":…}}) and {@code sms} ({@code {"number":…}}). */
@Path("/api/v1/users/{id}/authenticators/{channel: email|sms}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@OperatorOnly
@SecurityRequirement(name = "operator")
public class OtpRecipientsResource {

    @EJB
    private OtpRecipients recipients;

    @PUT
    @Operation(summary = "Send the user's signing codes by e-mail or SMS; signing then needs the PIN and a code (credentials/sendOTP)")
    public Response set(@PathParam("id") String id, @PathParam("channel") String channel, OtpRecipientRequest request)
            throws ServiceException {
        if (request == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "a JSON body with address (email) or number (sms) is required");
        }
        boolean email = channel.equals("email");
        recipients.set(id, email ? "EMAIL_OTP" : "SMS_OTP", email ? request.address() : request.number());
        return Response.noContent().build();
    }

    @DELETE
    @Operation(summary = "Stop sending the user's signing codes this way")
    public Response remove(@PathParam("id") String id, @PathParam("channel") String channel) throws ServiceException {
        recipients.remove(id, channel.equals("email") ? "EMAIL_OTP" : "SMS_OTP");
        return Response.noContent().build();
    }
}
