package org.sigillum.web.health;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Readiness and liveness on the service port, in the MicroProfile Health wire format. WildFly's own
 * /health on the management port cannot see checks inside an EAR's modules, so Sigillum answers here:
 * ready means the HSM pool and the database both work; a load balancer takes a node out on 503. The probes' result
 * is reused for a few seconds ({@link Readiness}); the HSM's full self-test is the admin diagnostics' job.
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    private Readiness readiness;

    @GET
    @Path("ready")
    public Response ready() {
        Readiness.Snapshot snapshot = readiness.current();
        boolean up = snapshot.up();
        String checkedAt = snapshot.checkedAt().toString();
        List<Map<String, Object>> checks = snapshot.results().stream().map(r -> Map.<String, Object>of("name", r.name(),
                "status", r.up() ? "UP" : "DOWN", "data", Map.of("detail", r.detail(), "checkedAt", checkedAt))).toList();
        return Response.status(up ? 200 : 503).entity(Map.of("status", up ? "UP" : "DOWN", "checks", checks)).build();
    }

    @GET
    @Path("live")
    public Map<String, Object> live() {
        return Map.of("status", "UP", "checks", List.of());
    }
}
