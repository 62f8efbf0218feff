package org.sigillum.web.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.sigillum.api.admin.CreateCredentialRequest;
import org.sigillum.api.admin.CreateUserRequest;
import org.sigillum.api.admin.CredentialView;
import org.sigillum.api.admin.RevocationView;
import org.sigillum.api.admin.RevokeCredentialRequest;
import org.sigillum.api.admin.UserView;
import org.sigillum.api.audit.AuditRecordView;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.service.AccountService;
import org.sigillum.api.service.CredentialRevocation;
import org.sigillum.api.service.KeyStoreService;
import org.sigillum.api.auth.Scopes;
import org.sigillum.web.security.AlsoAdmits;
import org.sigillum.web.security.GroupConfined;
import org.sigillum.web.security.OperatorOnly;

@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@OperatorOnly
@AlsoAdmits(Scopes.USERS)
@GroupConfined
@SecurityRequirement(name = "operator")
public class UsersResource {

    @EJB
    private AccountService accounts;
    @EJB
    private KeyStoreService keyStore;
    @EJB
    private CredentialRevocation revocation;
    @EJB
    private AuditTrail audit;

    @POST
    public Response create(CreateUserRequest request) throws ServiceException {
        UserView user = accounts.createUser(request);
        return Response.status(Response.Status.CREATED).entity(user).build();
    }

    @GET
    @Operation(summary = "The accounts, in creation order (of one group with ?group=); a users token lists its own group's")
    public List<UserView> users(@QueryParam("group") String group, @QueryParam("offset") @DefaultValue("0") int offset,
                                @QueryParam("limit") @DefaultValue("100") int limit) throws ServiceException {
        return accounts.users(group, offset, limit);
    }

    @GET
    @Path("{id}/activity")
    @Operation(summary = "The account's activity from the audit log, newest first (of one credential with ?credentialId=)")
    public List<AuditRecordView> activity(@PathParam("id") String id, @QueryParam("credentialId") String credentialId,
                                          @QueryParam("limit") @DefaultValue("100") int limit) throws ServiceException {
        accounts.user(id);
        return audit.activity(id, credentialId, limit);
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Disable an account: it logs in and signs no more, and its tokens are refused")
    public UserView disable(@PathParam("id") String id) throws ServiceException {
        return accounts.disableUser(id);
    }

    @GET
    @Path("{id}")
    public UserView user(@PathParam("id") String id) throws ServiceException {
        return accounts.user(id);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) throws ServiceException {
        accounts.deleteUser(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/authenticators/totp")
    @Operation(summary = "Enroll a TOTP authenticator (RFC 6238, SHA-1, 6 digits, 30 s); signing then needs PIN AND OTP")
    public Response enrollTotp(@PathParam("id") String id) throws ServiceException {
        return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store")
                .entity(accounts.enrollTotp(id)).build();
    }

    @DELETE
    @Path("{id}/credentials/{credentialId}")
    public Response deleteCredential(@PathParam("id") String id, @PathParam("credentialId") String credentialId)
            throws ServiceException {
        keyStore.deleteCredential(id, credentialId);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/credentials/{credentialId}/revoke")
    @Operation(summary = "Revoke a credential's certificate (RFC 5280 reason name); the credential never signs again")
    public RevocationView revokeCredential(@PathParam("id") String id, @PathParam("credentialId") String credentialId,
                                           RevokeCredentialRequest request) throws ServiceException {
        return revocation.revoke(id, credentialId, request);
    }

    @POST
    @Path("{id}/credentials/{credentialId}/suspend")
    @Operation(summary = "Suspend a credential: it signs nothing, its certificate is on hold (certificateHold) in OCSP "
            + "and the CRL at once")
    public RevocationView suspendCredential(@PathParam("id") String id, @PathParam("credentialId") String credentialId)
            throws ServiceException {
        return revocation.suspend(id, credentialId);
    }

    @POST
    @Path("{id}/credentials/{credentialId}/resume")
    @Operation(summary = "Resume a suspended credential: its certificate is good again in OCSP and leaves the CRL")
    public RevocationView resumeCredential(@PathParam("id") String id, @PathParam("credentialId") String credentialId)
            throws ServiceException {
        return revocation.resume(id, credentialId);
    }

    @POST
    @Path("{id}/credentials")
    public Response createCredential(@PathParam("id") String id, CreateCredentialRequest request) throws ServiceException {
        return Response.status(Response.Status.CREATED).entity(keyStore.createCredential(id, request)).build();
    }

    @GET
    @Path("{id}/credentials")
    public List<CredentialView> credentials(@PathParam("id") String id) throws ServiceException {
        return keyStore.credentialsOf(id);
    }

    @GET
    @Path("{id}/credentials/{credentialId}")
    public CredentialView credential(@PathParam("id") String id, @PathParam("credentialId") String credentialId)
            throws ServiceException {
        return keyStore.credential(id, credentialId);
    }
}
