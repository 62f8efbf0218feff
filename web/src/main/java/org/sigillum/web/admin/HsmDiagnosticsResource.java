package org.sigillum.web.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.sigillum.api.admin.DiagnosticSignRequest;
import org.sigillum.api.admin.DiagnosticSignResult;
import org.sigillum.api.admin.HsmBenchmarkRequest;
import org.sigillum.api.admin.HsmBenchmarkResult;
import org.sigillum.api.admin.HsmStatusView;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.HsmDiagnostics;
import org.sigillum.web.security.OperatorOnly;

@Path("/api/v1/diagnostics/hsm")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@OperatorOnly
@SecurityRequirement(name = "operator")
public class HsmDiagnosticsResource {

    @EJB
    private HsmDiagnostics diagnostics;

    @GET
    @Path("status")
    @Operation(summary = "Self-test of the token through a pooled session, with key-cache figures")
    public HsmStatusView status() throws ServiceException {
        return diagnostics.status();
    }

    @POST
    @Path("sign")
    @Operation(summary = "Sign digests with a fresh diagnostic key; returns its public key for independent checks")
    public DiagnosticSignResult sign(DiagnosticSignRequest request) throws ServiceException {
        return diagnostics.sign(request);
    }

    @POST
    @Path("benchmark")
    @Operation(summary = "In-server unwrap-sign-destroy throughput through the pooled adapter")
    public HsmBenchmarkResult benchmark(HsmBenchmarkRequest request) throws ServiceException {
        return diagnostics.benchmark(request);
    }
}
