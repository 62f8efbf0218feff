package org.sigillum.web.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.sigillum.api.admin.TrustedListsView;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.TrustedLists;
import org.sigillum.web.security.OperatorOnly;

@Path("/api/v1/trusted-lists")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
@SecurityRequirement(name = "operator")
public class TrustedListsResource {

    @EJB
    private TrustedLists trustedLists;

    @GET
    @Operation(summary = "The EU trusted lists validation uses: settings, last refresh, and each list's state")
    public TrustedListsView status() {
        return trustedLists.status();
    }

    @POST
    @Path("refresh")
    @Operation(summary = "Refresh the trusted lists now with the current settings; returns within 90 s")
    public TrustedListsView refresh() throws ServiceException {
        return trustedLists.refresh();
    }
}
