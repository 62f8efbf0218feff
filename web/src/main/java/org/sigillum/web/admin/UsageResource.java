package org.sigillum.web.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.sigillum.api.audit.UsageDay;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.UsageReports;
import org.sigillum.api.auth.Scopes;
import org.sigillum.web.security.AlsoAdmits;
import org.sigillum.web.security.OperatorOnly;

@Path("/api/v1/usage")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
@AlsoAdmits(value = Scopes.AUDITOR, readOnly = true)
@SecurityRequirement(name = "operator")
public class UsageResource {

    private static final int DEFAULT_DAYS = 30;

    @EJB
    private UsageReports reports;

    @GET
    @Operation(summary = "Per-client usage by UTC day (authorizations, signatures, keys), from the audit log; "
            + "from/to are ISO dates, inclusive, default the last 30 days")
    public List<UsageDay> usage(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("client_id") String clientId) throws ServiceException {
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : date(to, "to");
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : date(from, "from");
        return reports.usage(first, last, clientId);
    }

    private static LocalDate date(String value, String name) throws ServiceException {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, name + " must be an ISO date (YYYY-MM-DD)");
        }
    }
}
