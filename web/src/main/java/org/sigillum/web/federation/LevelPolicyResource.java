package org.sigillum.web.federation;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.federation.LevelPolicyView;
import org.sigillum.api.service.IdentityProviders;
import org.sigillum.web.security.OperatorOnly;

/** The global level-of-assurance policy: levels for SCAL 1, SCAL 2 and key creation, and how to step up. */
@Path("/api/v1/level-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@OperatorOnly
@SecurityRequirement(name = "operator")
public class LevelPolicyResource {

    @EJB
    private IdentityProviders providers;

    @GET
    public LevelPolicyView policy() {
        return providers.policy();
    }

    @PUT
    @Operation(summary = "Set the levels (low, substantial, high) and stepUp (provider or refuse)")
    public LevelPolicyView update(LevelPolicyView policy) throws ServiceException {
        return providers.updatePolicy(policy);
    }
}
