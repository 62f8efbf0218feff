package org.sigillum.web.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.sigillum.api.audit.AuditAnchorView;
import org.sigillum.api.audit.AuditRecordView;
import org.sigillum.api.audit.AuditVerification;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.api.auth.Scopes;
import org.sigillum.web.security.AlsoAdmits;
import org.sigillum.web.security.OperatorOnly;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
@AlsoAdmits(value = Scopes.AUDITOR, readOnly = true)
@SecurityRequirement(name = "operator")
public class AuditResource {

    @EJB
    private AuditTrail audit;

    @GET
    @Operation(summary = "Audit records in sequence order, from a sequence number on")
    public List<AuditRecordView> records(@QueryParam("from") @DefaultValue("1") long from,
                                         @QueryParam("limit") @DefaultValue("100") int limit) throws ServiceException {
        return audit.records(from, limit);
    }

    @POST
    @Path("anchors")
    @Operation(summary = "Anchor the head of every audit chain now: MAC'd in the HSM and time-stamped by the built-in TSA")
    public AuditAnchorView anchor() throws ServiceException {
        return audit.anchor();
    }

    @GET
    @Path("verify")
    @Operation(summary = "Check every chain (MACs, gapless places, heads) and every anchor; report each altered, "
            + "missing, out-of-place or truncated record")
    public AuditVerification verification() {
        return audit.verify();
    }
}
