package org.sigillum.web.csc.v1;

import jakarta.ws.rs.Path;
import org.sigillum.web.csc.AuthResource;

/** CSC v1 auth/login and auth/revoke: the same bodies as v2, so the v2 methods serve them unchanged. */
@Path("/csc/v1/auth")
public class V1AuthResource extends AuthResource {
}
