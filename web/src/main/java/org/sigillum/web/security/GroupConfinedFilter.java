package org.sigillum.web.security;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.sigillum.api.error.ApiError;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.service.AccountService;

/**
 * Every call on {@code /api/v1/users/{id}…} (the account, its credentials, authenticators, revocations) passes the
 * one check of {@link AccountService#requireManageable}, after the token was authenticated: a service provider's
 * users token reaches the accounts of its own group and hears {@code not_found} for any other (checklist C12).
 */
@Provider
@GroupConfined
@Priority(Priorities.AUTHORIZATION)
public class GroupConfinedFilter implements ContainerRequestFilter {

    @EJB
    private AccountService accounts;

    @Override
    public void filter(ContainerRequestContext request) {
        String id = request.getUriInfo().getPathParameters().getFirst("id");
        if (id == null) {
            return;
        }
        try {
            accounts.requireManageable(id);
        } catch (ServiceException e) {
            request.abortWith(Response.status(e.code().httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of(e.code(), e.getMessage())).build());
        }
    }
}
