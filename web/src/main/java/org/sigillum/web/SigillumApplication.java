package org.sigillum.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * All HTTP APIs in one application: CSC v2 under /csc/v2, Sigillum's own under /api/v1, readiness under
 * /health. Pages that a servlet serves later (consoles) take longer path prefixes, which win over this one.
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "Sigillum", version = "1",
        description = "Remote signing server: Cloud Signature Consortium API v2 and Sigillum's admin API"))
@SecurityScheme(securitySchemeName = "operator", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class SigillumApplication extends Application {
}
