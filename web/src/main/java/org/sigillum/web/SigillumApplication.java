package org.sigillum.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.OAuthScope;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * All HTTP APIs in one application: CSC v2 under /csc/v2, Sigillum's own under /api/v1, readiness under
 * /health. Pages that a servlet serves later (consoles) take longer path prefixes, which win over this one.
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "Sigillum", version = "1",
        description = "Remote signing server: Cloud Signature Consortium API v2 and Sigillum's admin API"))
@SecurityScheme(securitySchemeName = "operator", type = SecuritySchemeType.OAUTH2,
        description = "An operator's client application, with the client_credentials grant and scope admin",
        flows = @OAuthFlows(clientCredentials = @OAuthFlow(tokenUrl = "/csc/v2/oauth2/token",
                scopes = @OAuthScope(name = "admin", description = "the admin and diagnostics APIs"))))
public class SigillumApplication extends Application {
}
