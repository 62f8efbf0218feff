package org.sigillum.web.security;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.sigillum.api.error.ApiError;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.service.OperatorAuthentication;

@Provider
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public class OperatorFilter implements ContainerRequestFilter {


    @EJB
    private OperatorAuthentication operators;

    @Override
    public void filter(ContainerRequestContext request) {
        String token = BearerHeader.token(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (!operators.isOperator(token)) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sigillum\"")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of(ErrorCode.INVALID_TOKEN, "operator credential missing or wrong")).build());
        }
    }
}
