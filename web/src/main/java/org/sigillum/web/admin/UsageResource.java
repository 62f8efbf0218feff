package org.sigillum.web.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.sigillum.api.audit.UsageRow;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.UsageReports;
import org.sigillum.api.auth.Scopes;
import org.sigillum.web.security.AlsoAdmits;
import org.sigillum.web.security.OperatorOnly;

@Path("/api/v1/usage")
@OperatorOnly
@AlsoAdmits(value = Scopes.AUDITOR, readOnly = true)
@SecurityRequirement(name = "operator")
public class UsageResource {

    private static final int DEFAULT_DAYS = 30;
    private static final String CSV = "text/csv";

    @EJB
    private UsageReports reports;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Usage from the audit log; from/to are ISO dates, inclusive, default the last 30 days. Without "
            + "groupBy and period: per client by UTC day (authorizations, signatures, keys). With groupBy=client|group "
            + "and period=day|month: also signatures by format and level, and OTPs sent")
    public Response usage(@QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("client_id") String clientId, @QueryParam("groupBy") String groupBy,
                          @QueryParam("period") String period) throws ServiceException {
        if (groupBy == null && period == null) {
            LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : date(to, "to");
            LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : date(from, "from");
            return Response.ok(reports.usage(first, last, clientId)).build();
        }
        return Response.ok(rows(from, to, groupBy, period)).build();
    }

    @GET
    @Produces(CSV)
    @Operation(summary = "The usage report as CSV (Accept: text/csv); signatures_by_format is FORMAT=N;…")
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("groupBy") @DefaultValue("client") String groupBy,
                        @QueryParam("period") @DefaultValue("day") String period) throws ServiceException {
        StringBuilder csv = new StringBuilder("period,group,client_id,authorizations,signatures,signatures_by_format,"
                + "keys,otps_sent\r\n");
        for (UsageRow row : rows(from, to, groupBy, period)) {
            csv.append(row.period()).append(',').append(cell(row.group())).append(',').append(cell(row.clientId()))
                    .append(',').append(row.authorizations()).append(',').append(row.signatures()).append(',')
                    .append(cell(row.signaturesByFormat().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(";")))).append(',').append(row.keys()).append(',')
                    .append(row.otpsSent()).append("\r\n");
        }
        return Response.ok(csv.toString(), CSV + ";charset=utf-8").build();
    }

    private List<UsageRow> rows(String from, String to, String groupBy, String period) throws ServiceException {
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : date(to, "to");
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : date(from, "from");
        return reports.usage(first, last, groupBy == null ? "client" : groupBy, period == null ? "day" : period);
    }

    /** RFC 4180: a value with a comma, quote or line break is quoted; none of ours starts a formula. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return safe.matches(".*[,\"\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static LocalDate date(String value, String name) throws ServiceException {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, name + " must be an ISO date (YYYY-MM-DD)");
        }
    }
}
