package org.sigillum.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The page at "/": where a newcomer's browser lands, pointing at the APIs and their documentation. */
@Path("/")
public class LandingPageResource {

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public InputStream page() {
        return LandingPageResource.class.getResourceAsStream("/org/sigillum/web/index.html");
    }
}
