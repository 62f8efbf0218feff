package org.sigillum.web.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.sigillum.api.audit.AuditRecordView;
import org.sigillum.api.audit.AuditVerification;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AuditTrail;
import org.sigillum.web.security.OperatorOnly;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
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

    @GET
    @Path("verify")
    @Operation(summary = "Walk the hash chain and report every altered, missing or out-of-place record")
    public AuditVerification verification() {
        return audit.verify();
    }
}
