package org.sigillum.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The service's logo, which CSC {@code info} names as {@code logo}: a URL clients show must answer. */
@Path("/logo.png")
public class LogoResource {

    @GET
    @Produces("image/png")
    @Operation(summary = "The service's logo (PNG), as CSC info names it")
    public Response logo() {
        InputStream png = LogoResource.class.getResourceAsStream("/org/sigillum/web/logo.png");
        return Response.ok(png).header("Cache-Control", "public, max-age=86400").build();
    }
}
